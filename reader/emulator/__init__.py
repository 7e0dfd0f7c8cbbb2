"""Virtual ID-card reader and code scanner on pseudo-terminals (python -m reader.emulator)."""
