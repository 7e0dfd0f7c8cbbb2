"""HTTP routes, one module per audience: terminals, reviewers, the fleet view, the public."""
