"""The demo: a scripted registration through the real UI, by taps, on a terminal with nothing
attached (`python -m kiosk demo --out DIR`; `make run` on a machine with no display)."""
