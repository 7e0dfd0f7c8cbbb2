"""The technician's diagnostics: checks shared by the command line and (later) the screens."""
