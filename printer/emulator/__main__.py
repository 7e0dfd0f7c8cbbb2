from printer.emulator.cli import main

raise SystemExit(main())
