complete --keep-order --exclusive --command jerry --arguments "(COMPLETE=fish jerry -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
