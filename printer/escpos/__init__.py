"""ESC/POS: a small receipt document model and its encoder."""
