"""The web channel (issue 15): the same services and add-ons as the terminal, asked page by page
in a browser, generated from forms' definitions, checked by forms on every page, and sent
through the same intake as a terminal's submission. Server-rendered, no JavaScript needed."""
