"""The business licence: data, stock layouts, the PDF and the ESC/P2 overprint, the reprint ledger."""
