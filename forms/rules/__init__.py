"""The checks behind each field type and the cross-field rules a definition can name."""
