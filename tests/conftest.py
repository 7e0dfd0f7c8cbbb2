"""Suite-wide settings. Qt must see its platform before the first Qt import anywhere."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
