# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_jerry_global_optspecs
    string join \n project= root= json format= actor= color= q/quiet wide correlation-id= lock-timeout= store= h/help V/version
end

function __fish_jerry_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_jerry_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_jerry_using_subcommand
    set -l cmd (__fish_jerry_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c jerry -n "__fish_jerry_needs_command" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_needs_command" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_needs_command" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_needs_command" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_needs_command" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_needs_command" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_needs_command" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_needs_command" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_needs_command" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_needs_command" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_needs_command" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_needs_command" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "init" -d 'Create a project (PROJ-001 by default, else the next free number)'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "items" -d 'Create, change and inspect work items'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "events" -d 'Read, watch, move and check the whole event log, in its one global order'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "config" -d 'Read and change the project\'s settings (.jerry/config.toml)'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "projects" -d 'List, create and inspect projects'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "store" -d 'Set up a store, see where events live, and move them between backends'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "undo" -d 'Take back your last command (or the one named), with its policies\' reactions, by appending compensating events; run again, the one before it'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "redo" -d 'Re-apply what your last undo took back'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "doctor" -d 'Check the project\'s files and read model; --repair fixes what is safe (exit 6 if problems remain)'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "archive" -d 'Move finished work out of the live log into a compressed archive segment'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "ids" -d 'Print item ids (or, with --projects, project ids), one per line, for shell completion'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "man" -d 'Write the man pages (jerry.1 and one per subcommand) into DIR'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "mcp" -d 'Serve the Model Context Protocol on stdin/stdout, for agent hosts (see README, "Agents")'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "sync" -d 'Exchange the project\'s events with a git remote, so every clone that syncs converges'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "serve" -d 'Serve the live board and its JSON API on 127.0.0.1 until Ctrl-C'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "merge-driver" -d 'The git merge driver for committed event files (git runs it; see sync --install-merge-driver)'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "generate" -d 'Build a synthetic project for benchmarks (not a user command)'
complete -c jerry -n "__fish_jerry_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jerry -n "__fish_jerry_using_subcommand init" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand init" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand init" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand init" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand init" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand init" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand init" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand init" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand init" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand init" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand init" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "create" -d 'Create an item and print its id'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "start" -d 'Start working on items (pending or blocked → in_progress)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "claim" -d 'Take the next ready item (or the one named) for yourself, atomically'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "release" -d 'Give items in progress back (in_progress → pending, unassigned, unclaimed)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "complete" -d 'Finish items (pending or in_progress → done)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "cancel" -d 'Cancel items (pending, in_progress or blocked → cancelled; final)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "reopen" -d 'Reopen done items (done → in_progress; only from done)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "block" -d 'Block items that are in progress; a reason is required'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "status" -d 'Move an item to any status its current one allows'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "priority" -d 'Change items\' priority'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "assign" -d 'Assign items to someone (or --none to unassign)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "due" -d 'Set, move or remove an item\'s due date'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "depend" -d 'Record that an item depends on another'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "undepend" -d 'Remove a dependency'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "edit" -d 'Change an item\'s title and/or description'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "label" -d 'Add or remove labels'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "comment" -d 'Add a comment (shown by items show and items history)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "list" -d 'List items, filtered; a table, or a JSON array with --json'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "show" -d 'Show one item (now, or as it was --at a moment)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "history" -d 'Show an item\'s events, oldest first'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "parent" -d 'Move an item under another parent, or to the top with --none'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "metrics" -d 'Record an item\'s quality metrics (what a quality_gate looks for on complete)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "ready" -d 'List the work that can start now: pending items with no open blocker and no open children, by priority, then the earliest due date, then age'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "blocked" -d 'List the items that wait: on an open blocker, or blocked by hand (with the reason)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "resolve" -d 'Settle a conflict: keep what the item holds, take the other side, or set a value'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "tree" -d 'Draw parents, children and dependencies as an indented tree (--json: nested objects)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and not __fish_seen_subcommand_from create start claim release complete cancel reopen block status priority assign due depend undepend edit label comment list show history parent metrics ready blocked resolve tree help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -s t -l type -d 'epic, story, task, subtask, bug or spike [default: the project\'s default_type, else task]' -r -f -a "epic\t''
story\t''
task\t''
subtask\t''
bug\t''
spike\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -s p -l priority -d 'critical, high, medium or low' -r -f -a "critical\t''
high\t''
medium\t''
low\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -s d -l description -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -l parent -d 'The parent item (it must exist)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -s a -l assignee -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -l due -d 'When it is due: a date, RFC 3339, a time ahead (+3d), today or tomorrow' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from start" -s r -l reason -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from start" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from start" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from start" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from start" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from start" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from start" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from start" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from start" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from start" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from start" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from start" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from start" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from start" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l as -d 'Claim for this actor [default: --actor, JERRY_ACTOR, the actor setting, else user]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l lease -d 'Hold the item this long after each of your writes to it (30s, 15m, 2h, 1d); without it the claim lasts until released, finished or reassigned' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -s t -l type -d 'Only items of this type (repeatable)' -r -f -a "epic\t''
story\t''
task\t''
subtask\t''
bug\t''
spike\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -s p -l priority -d 'Only items of this priority (repeatable)' -r -f -a "critical\t''
high\t''
medium\t''
low\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -s a -l assignee -d 'Only items assigned to WHO; `none` for unassigned items' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l label -d 'Only items with this label (repeatable: all of them)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l search -d 'Only items whose title, description or a comment contains TEXT (any case)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l due-before -d 'Only items due before TIME (a date, RFC 3339, +3d, tomorrow, …)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l fields -d 'Print only these fields of each item, in this order (id,title,status,…); a field an item lacks is null. Applies to every format (the table gets these columns)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l overdue -d 'Only open items whose due date has passed'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l conflicts -d 'Only items with open conflicts (events merged from another clone that did not fit)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from claim" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from release" -s r -l reason -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from release" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from release" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from release" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from release" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from release" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from release" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from release" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from release" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from release" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from release" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from release" -l force -d 'Release it even though someone else holds a live claim on it'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from release" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from release" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from release" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from release" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from release" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from complete" -s r -l reason -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from complete" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from complete" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from complete" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from complete" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from complete" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from complete" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from complete" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from complete" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from complete" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from complete" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from complete" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from complete" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from complete" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from complete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from complete" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from cancel" -s r -l reason -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from cancel" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from cancel" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from cancel" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from cancel" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from cancel" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from cancel" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from cancel" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from cancel" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from cancel" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from cancel" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from cancel" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from cancel" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from reopen" -s r -l reason -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from reopen" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from reopen" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from reopen" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from reopen" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from reopen" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from reopen" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from reopen" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from reopen" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from reopen" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from reopen" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from reopen" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from reopen" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from reopen" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from reopen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from reopen" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from block" -s r -l reason -d 'Why the item is blocked' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from block" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from block" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from block" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from block" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from block" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from block" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from block" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from block" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from block" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from block" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from block" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from block" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from block" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from block" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from block" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from status" -s r -l reason -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from status" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from status" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from status" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from status" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from status" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from status" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from status" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from status" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from status" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from status" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from status" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from status" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from priority" -s r -l reason -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from priority" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from priority" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from priority" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from priority" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from priority" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from priority" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from priority" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from priority" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from priority" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from priority" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from priority" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from priority" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from priority" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from priority" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from priority" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from assign" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from assign" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from assign" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from assign" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from assign" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from assign" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from assign" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from assign" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from assign" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from assign" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from assign" -l none -d 'Unassign the item instead'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from assign" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from assign" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from assign" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from assign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from assign" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from due" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from due" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from due" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from due" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from due" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from due" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from due" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from due" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from due" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from due" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from due" -l none -d 'Remove the due date'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from due" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from due" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from due" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from due" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from due" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from depend" -l type -d 'blocks, blocked_by or related' -r -f -a "blocks\t''
blocked_by\t''
related\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from depend" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from depend" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from depend" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from depend" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from depend" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from depend" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from depend" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from depend" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from depend" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from depend" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from depend" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from depend" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from depend" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from depend" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from depend" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from undepend" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from undepend" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from undepend" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from undepend" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from undepend" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from undepend" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from undepend" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from undepend" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from undepend" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from undepend" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from undepend" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from undepend" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from undepend" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from undepend" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from undepend" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from edit" -l title -d 'The new title' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from edit" -s d -l description -d 'The new description ("" removes it)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from edit" -s t -l type -d 'The new type: epic, story, task, subtask, bug or spike (it must still rank below its parent and above its children)' -r -f -a "epic\t''
story\t''
task\t''
subtask\t''
bug\t''
spike\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from edit" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from edit" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from edit" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from edit" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from edit" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from edit" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from edit" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from edit" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from edit" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from edit" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from edit" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from edit" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from edit" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from label" -l add -d 'A label to add (repeatable): 1 to 50 characters, no spaces' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from label" -l remove -d 'A label to remove (repeatable)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from label" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from label" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from label" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from label" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from label" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from label" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from label" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from label" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from label" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from label" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from label" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from label" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from label" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from label" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from label" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from comment" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from comment" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from comment" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from comment" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from comment" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from comment" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from comment" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from comment" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from comment" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from comment" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from comment" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from comment" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from comment" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from comment" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from comment" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -s s -l status -d 'Only items with this status (repeatable); `open` is pending, in_progress or blocked, `closed` is done or cancelled [default: open, unless --all]' -r -f -a "pending\t''
in_progress\t''
blocked\t''
done\t''
cancelled\t''
open\t''
closed\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -s t -l type -d 'Only items of this type (repeatable)' -r -f -a "epic\t''
story\t''
task\t''
subtask\t''
bug\t''
spike\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -s p -l priority -d 'Only items of this priority (repeatable)' -r -f -a "critical\t''
high\t''
medium\t''
low\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -s a -l assignee -d 'Only items assigned to WHO; `none` for unassigned items' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l label -d 'Only items with this label (repeatable: all of them)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l search -d 'Only items whose title, description or a comment contains TEXT (any case)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l due-before -d 'Only items due before TIME (a date, RFC 3339, +3d, tomorrow, …)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l parent -d 'Only children of this item' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l sort -d 'Order by priority, created, updated, due, id or status [default: id]; ties by id' -r -f -a "priority\t''
created\t''
updated\t''
due\t''
id\t''
status\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l limit -d 'Show at most N items; stderr says how many were left out' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l at -d 'List the items as they were at TIME' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l fields -d 'Print only these fields of each item, in this order (id,title,status,…); a field an item lacks is null. Applies to every format (the table gets these columns)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -s A -l all -d 'Closed items too (done, cancelled): without it or a --status, the list is open work (--status, when given, says which)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l overdue -d 'Only open items whose due date has passed'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l conflicts -d 'Only items with open conflicts (events merged from another clone that did not fit)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l reverse -d 'Reverse the order'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l archived -d 'Include archived items (see jerry archive); --at always does'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from show" -l at -d 'Show the item as it was at TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, yesterday)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from show" -l fields -d 'Print only these fields of each item, in this order (id,title,status,…); a field an item lacks is null. Applies to every format (the table gets these columns)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from show" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from show" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from show" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from show" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from show" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from show" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from show" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from show" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from show" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from history" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from history" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from history" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from history" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from history" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from history" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from history" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from history" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from history" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from history" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from parent" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from parent" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from parent" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from parent" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from parent" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from parent" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from parent" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from parent" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from parent" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from parent" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from parent" -l none -d 'Remove the parent: the item goes to the top'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from parent" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from parent" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from parent" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from parent" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from parent" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -l coverage -d 'Test coverage in percent, 0 to 100' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -l positive -d 'How many positive (happy-path) tests' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -l negative -d 'How many negative (error-path) tests' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -l edge -d 'How many edge-case tests' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from metrics" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -s t -l type -d 'Only items of this type (repeatable)' -r -f -a "epic\t''
story\t''
task\t''
subtask\t''
bug\t''
spike\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -s p -l priority -d 'Only items of this priority (repeatable)' -r -f -a "critical\t''
high\t''
medium\t''
low\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -s a -l assignee -d 'Only items assigned to WHO; `none` for unassigned items' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -l label -d 'Only items with this label (repeatable: all of them)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -l search -d 'Only items whose title, description or a comment contains TEXT (any case)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -l due-before -d 'Only items due before TIME (a date, RFC 3339, +3d, tomorrow, …)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -l limit -d 'Show at most N items (the first N to pick)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -l fields -d 'Print only these fields of each item, in this order (id,title,status,…); a field an item lacks is null. Applies to every format (the table gets these columns)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -l overdue -d 'Only open items whose due date has passed'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -l conflicts -d 'Only items with open conflicts (events merged from another clone that did not fit)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from ready" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from blocked" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from blocked" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from blocked" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from blocked" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from blocked" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from blocked" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from blocked" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from blocked" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from blocked" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from blocked" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from blocked" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from blocked" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from blocked" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -l conflict -d 'The conflict to settle: the version of the event that did not fit (items show lists them as vN)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -l set -d 'Set this value of the conflict\'s field instead (none clears an optional field)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -l expected-version -d 'Fail with exit code 4, writing nothing, unless the item is still at this version' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -l idempotency-key -d 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -l keep -d 'Keep what the item holds; the conflicting event stays not applied'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -l take -d 'Take what the conflicting event asked for'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from resolve" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from tree" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from tree" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from tree" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from tree" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from tree" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from tree" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from tree" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from tree" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from tree" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from tree" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from tree" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from tree" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from tree" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an item and print its id'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start working on items (pending or blocked → in_progress)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "claim" -d 'Take the next ready item (or the one named) for yourself, atomically'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "release" -d 'Give items in progress back (in_progress → pending, unassigned, unclaimed)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "complete" -d 'Finish items (pending or in_progress → done)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Cancel items (pending, in_progress or blocked → cancelled; final)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "reopen" -d 'Reopen done items (done → in_progress; only from done)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "block" -d 'Block items that are in progress; a reason is required'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "status" -d 'Move an item to any status its current one allows'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "priority" -d 'Change items\' priority'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "assign" -d 'Assign items to someone (or --none to unassign)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "due" -d 'Set, move or remove an item\'s due date'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "depend" -d 'Record that an item depends on another'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "undepend" -d 'Remove a dependency'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change an item\'s title and/or description'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "label" -d 'Add or remove labels'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "comment" -d 'Add a comment (shown by items show and items history)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "list" -d 'List items, filtered; a table, or a JSON array with --json'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one item (now, or as it was --at a moment)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "history" -d 'Show an item\'s events, oldest first'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "parent" -d 'Move an item under another parent, or to the top with --none'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "metrics" -d 'Record an item\'s quality metrics (what a quality_gate looks for on complete)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "ready" -d 'List the work that can start now: pending items with no open blocker and no open children, by priority, then the earliest due date, then age'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "blocked" -d 'List the items that wait: on an open blocker, or blocked by hand (with the reason)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "resolve" -d 'Settle a conflict: keep what the item holds, take the other side, or set a value'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "tree" -d 'Draw parents, children and dependencies as an indented tree (--json: nested objects)'
complete -c jerry -n "__fish_jerry_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -f -a "list" -d 'List events in global order: a table, --json (an array) or --jsonl'
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -f -a "follow" -d 'Print events as other processes append them, until Ctrl-C'
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -f -a "replay" -d 'Rebuild the read model from the log; --verify checks it against each stream (exit 6 on a difference)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -f -a "export" -d 'Write the log (or the filtered part) in global order, as JSON Lines by default'
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -f -a "import" -d 'Restore an export: keeps stream ids, versions and event ids; repeating it is a no-op'
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -f -a "stats" -d 'Count events, grouped by type, stream, day or actor'
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -f -a "query" -d 'Find, within each item, an event of one type followed by one of another inside a window'
complete -c jerry -n "__fish_jerry_using_subcommand events; and not __fish_seen_subcommand_from list follow replay export import stats query help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l type -d 'Only events of this type, e.g. StatusChanged (repeatable)' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l item -d 'Only events of this item' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l stream -d 'Only events of this stream, e.g. work_item-WORK-001' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l since -d 'Only events at or after TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, today, yesterday)' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l until -d 'Only events at or before TIME' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l correlation -d 'Only events of one request (its correlation id)' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l after -d 'Only events after this global position' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l last -d 'Only the last N matching events' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l limit -d 'At most N events; stderr says how many were left out' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l jsonl -d 'One JSON object per line'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -l type -d 'Only events of this type, e.g. StatusChanged (repeatable)' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -l item -d 'Only events of this item' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -l stream -d 'Only events of this stream, e.g. work_item-WORK-001' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -l since -d 'Only events at or after TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, today, yesterday)' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -l until -d 'Only events at or before TIME' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -l correlation -d 'Only events of one request (its correlation id)' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -l after -d 'Start after this global position' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -l from-start -d 'Start from the first event instead of from now'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from follow" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from replay" -l until -d 'Replay only up to TIME' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from replay" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from replay" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from replay" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from replay" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from replay" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from replay" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from replay" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from replay" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from replay" -l verify -d 'Check the rebuilt state against each item\'s own stream; exit 6 on any difference'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from replay" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from replay" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from replay" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from replay" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from replay" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -l type -d 'Only events of this type, e.g. StatusChanged (repeatable)' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -l item -d 'Only events of this item' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -l stream -d 'Only events of this stream, e.g. work_item-WORK-001' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -l since -d 'Only events at or after TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, today, yesterday)' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -l until -d 'Only events at or before TIME' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -l correlation -d 'Only events of one request (its correlation id)' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -l after -d 'Only events after this global position' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to FILE (atomically: a temp file renamed into place) instead of stdout' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from import" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from import" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from import" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from import" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from import" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from import" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from import" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from import" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from import" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from import" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -l group-by -r -f -a "type\t''
stream\t''
day\t''
actor\t''"
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -l type -d 'Only events of this type, e.g. StatusChanged (repeatable)' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -l item -d 'Only events of this item' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -l stream -d 'Only events of this stream, e.g. work_item-WORK-001' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -l since -d 'Only events at or after TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, today, yesterday)' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -l until -d 'Only events at or before TIME' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -l correlation -d 'Only events of one request (its correlation id)' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -l within -d 'The longest gap between the two events (30s, 5m, 2h, 1d)' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -l type -d 'Only events of this type, e.g. StatusChanged (repeatable)' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -l item -d 'Only events of this item' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -l stream -d 'Only events of this stream, e.g. work_item-WORK-001' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -l since -d 'Only events at or after TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, today, yesterday)' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -l until -d 'Only events at or before TIME' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -l correlation -d 'Only events of one request (its correlation id)' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from query" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "list" -d 'List events in global order: a table, --json (an array) or --jsonl'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "follow" -d 'Print events as other processes append them, until Ctrl-C'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "replay" -d 'Rebuild the read model from the log; --verify checks it against each stream (exit 6 on a difference)'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write the log (or the filtered part) in global order, as JSON Lines by default'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "import" -d 'Restore an export: keeps stream ids, versions and event ids; repeating it is a no-op'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "stats" -d 'Count events, grouped by type, stream, day or actor'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "query" -d 'Find, within each item, an event of one type followed by one of another inside a window'
complete -c jerry -n "__fish_jerry_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -f -a "get" -d 'Print one setting as it takes effect (a flag or its environment variable, else config.toml, else the default); --json adds where it comes from'
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -f -a "set" -d 'Change one setting'
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -f -a "unset" -d 'Remove one setting from config.toml (it falls back to its default)'
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -f -a "list" -d 'Print every setting as it takes effect and where its value comes from'
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -f -a "path" -d 'Print the path of the project\'s config.toml'
complete -c jerry -n "__fish_jerry_using_subcommand config; and not __fish_seen_subcommand_from get set unset list path help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from get" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from get" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from get" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from get" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from get" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from get" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from get" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from get" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from get" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from get" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from set" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from set" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from set" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from set" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from set" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from set" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from set" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from set" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from unset" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from unset" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from unset" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from unset" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from unset" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from unset" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from unset" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from unset" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from unset" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from unset" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from unset" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from unset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from unset" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from list" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from list" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from list" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from list" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from list" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from list" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from list" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from list" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from path" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from path" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from path" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from path" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from path" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from path" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from path" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from path" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from path" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print one setting as it takes effect (a flag or its environment variable, else config.toml, else the default); --json adds where it comes from'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change one setting'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "unset" -d 'Remove one setting from config.toml (it falls back to its default)'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "list" -d 'Print every setting as it takes effect and where its value comes from'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the path of the project\'s config.toml'
complete -c jerry -n "__fish_jerry_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and not __fish_seen_subcommand_from list create use show help" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and not __fish_seen_subcommand_from list create use show help" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand projects; and not __fish_seen_subcommand_from list create use show help" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand projects; and not __fish_seen_subcommand_from list create use show help" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and not __fish_seen_subcommand_from list create use show help" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand projects; and not __fish_seen_subcommand_from list create use show help" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and not __fish_seen_subcommand_from list create use show help" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and not __fish_seen_subcommand_from list create use show help" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and not __fish_seen_subcommand_from list create use show help" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and not __fish_seen_subcommand_from list create use show help" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and not __fish_seen_subcommand_from list create use show help" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and not __fish_seen_subcommand_from list create use show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and not __fish_seen_subcommand_from list create use show help" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and not __fish_seen_subcommand_from list create use show help" -f -a "list" -d 'List the workspace\'s projects with their item and event counts'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and not __fish_seen_subcommand_from list create use show help" -f -a "create" -d 'Create a project (the same as jerry init)'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and not __fish_seen_subcommand_from list create use show help" -f -a "use" -d 'Make a project the workspace\'s default: used when no --project or JERRY_PROJECT names one'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and not __fish_seen_subcommand_from list create use show help" -f -a "show" -d 'Show one project: where it lives, its counts and settings'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and not __fish_seen_subcommand_from list create use show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from list" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from list" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from list" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from list" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from list" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from list" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from list" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from list" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from create" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from create" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from create" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from create" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from create" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from create" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from create" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from create" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from create" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from use" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from use" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from use" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from use" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from use" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from use" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from use" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from use" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from use" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from use" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from use" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from show" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from show" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from show" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from show" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from show" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from show" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from show" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from show" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the workspace\'s projects with their item and event counts'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a project (the same as jerry init)'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make a project the workspace\'s default: used when no --project or JERRY_PROJECT names one'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one project: where it lives, its counts and settings'
complete -c jerry -n "__fish_jerry_using_subcommand projects; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jerry -n "__fish_jerry_using_subcommand store; and not __fish_seen_subcommand_from init info migrate help" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and not __fish_seen_subcommand_from init info migrate help" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand store; and not __fish_seen_subcommand_from init info migrate help" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand store; and not __fish_seen_subcommand_from init info migrate help" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and not __fish_seen_subcommand_from init info migrate help" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand store; and not __fish_seen_subcommand_from init info migrate help" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and not __fish_seen_subcommand_from init info migrate help" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and not __fish_seen_subcommand_from init info migrate help" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and not __fish_seen_subcommand_from init info migrate help" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand store; and not __fish_seen_subcommand_from init info migrate help" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand store; and not __fish_seen_subcommand_from init info migrate help" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand store; and not __fish_seen_subcommand_from init info migrate help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand store; and not __fish_seen_subcommand_from init info migrate help" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand store; and not __fish_seen_subcommand_from init info migrate help" -f -a "init" -d 'Create or upgrade the store\'s schema (PostgreSQL needs this once; files and SQLite set themselves up). Safe to run again, from several machines at once'
complete -c jerry -n "__fish_jerry_using_subcommand store; and not __fish_seen_subcommand_from init info migrate help" -f -a "info" -d 'Show which backend the project uses, where, and how much it holds'
complete -c jerry -n "__fish_jerry_using_subcommand store; and not __fish_seen_subcommand_from init info migrate help" -f -a "migrate" -d 'Copy every event of the project to another store, keeping ids, versions and positions; resumable, and verified by counts and a content hash at the end'
complete -c jerry -n "__fish_jerry_using_subcommand store; and not __fish_seen_subcommand_from init info migrate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from init" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from init" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from init" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from init" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from init" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from init" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from init" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from init" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from init" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from init" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from init" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from info" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from info" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from info" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from info" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from info" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from info" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from info" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from info" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from info" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from info" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from info" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from info" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from migrate" -l to -d 'The store to copy into: jsonl, sqlite:<path> or postgres://user@host/database' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from migrate" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from migrate" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from migrate" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from migrate" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from migrate" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from migrate" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from migrate" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from migrate" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from migrate" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from migrate" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from migrate" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from migrate" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "init" -d 'Create or upgrade the store\'s schema (PostgreSQL needs this once; files and SQLite set themselves up). Safe to run again, from several machines at once'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "info" -d 'Show which backend the project uses, where, and how much it holds'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Copy every event of the project to another store, keeping ids, versions and positions; resumable, and verified by counts and a content hash at the end'
complete -c jerry -n "__fish_jerry_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jerry -n "__fish_jerry_using_subcommand undo" -l correlation -d 'The correlation id of the command to take back (events list shows them) [default: the last command written by this actor]' -r
complete -c jerry -n "__fish_jerry_using_subcommand undo" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand undo" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand undo" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand undo" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand undo" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand undo" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand undo" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand undo" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand undo" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand undo" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand undo" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand undo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand undo" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand redo" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand redo" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand redo" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand redo" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand redo" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand redo" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand redo" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand redo" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand redo" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand redo" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand redo" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand redo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand redo" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand doctor" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand doctor" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand doctor" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand doctor" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand doctor" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand doctor" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand doctor" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand doctor" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand doctor" -l repair -d 'Fix what is safe to fix'
complete -c jerry -n "__fish_jerry_using_subcommand doctor" -l accept-loss -d 'With --repair: give up events no stream holds any more (removed outside jerry), noting them in .jerry/quarantine/, and number what is left again'
complete -c jerry -n "__fish_jerry_using_subcommand doctor" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand doctor" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand doctor" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand archive" -l closed-before -d 'Archive work finished before this moment: a date, RFC 3339, or an age such as 90d' -r
complete -c jerry -n "__fish_jerry_using_subcommand archive" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand archive" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand archive" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand archive" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand archive" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand archive" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand archive" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand archive" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand archive" -l dry-run -d 'Say what would be archived; move nothing'
complete -c jerry -n "__fish_jerry_using_subcommand archive" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand archive" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand archive" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand archive" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand archive" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand completions" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand completions" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand completions" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand completions" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand completions" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand completions" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand completions" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand completions" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand completions" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand completions" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand completions" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand completions" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand ids" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand ids" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand ids" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand ids" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand ids" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand ids" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand ids" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand ids" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand ids" -l projects -d 'Project ids instead of item ids'
complete -c jerry -n "__fish_jerry_using_subcommand ids" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand ids" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand ids" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand ids" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand ids" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand man" -l out -d 'Where to write the pages' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand man" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand man" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand man" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand man" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand man" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand man" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand man" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand man" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand man" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand man" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand man" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand man" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand mcp" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand mcp" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand mcp" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand mcp" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand mcp" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand mcp" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand mcp" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand mcp" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand mcp" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand mcp" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand mcp" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand mcp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand mcp" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand sync" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand sync" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand sync" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand sync" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand sync" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand sync" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand sync" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand sync" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand sync" -l dry-run -d 'Show what would be sent and received; change nothing here or there'
complete -c jerry -n "__fish_jerry_using_subcommand sync" -l install-merge-driver -d 'Instead of syncing: make `git merge` merge committed event files by jerry\'s rule (writes .gitattributes here and the driver into the repository\'s git config)'
complete -c jerry -n "__fish_jerry_using_subcommand sync" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand sync" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand sync" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand sync" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand serve" -l port -d 'The port (0: any free one)' -r
complete -c jerry -n "__fish_jerry_using_subcommand serve" -l listen -d 'Listen on this address instead of 127.0.0.1 (reachable by others: needs --token)' -r
complete -c jerry -n "__fish_jerry_using_subcommand serve" -l token -d 'The write token (default: a new random one per server, carried by the page)' -r
complete -c jerry -n "__fish_jerry_using_subcommand serve" -l host -d 'Another name (or address) the board answers to in `Host`, e.g. the machine\'s LAN address or host name with --listen (repeatable)' -r
complete -c jerry -n "__fish_jerry_using_subcommand serve" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand serve" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand serve" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand serve" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand serve" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand serve" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand serve" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand serve" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand serve" -l open -d 'Open the board in the default browser'
complete -c jerry -n "__fish_jerry_using_subcommand serve" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand serve" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand serve" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand serve" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand merge-driver" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand merge-driver" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand merge-driver" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand merge-driver" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand merge-driver" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand merge-driver" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand merge-driver" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand merge-driver" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand merge-driver" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand merge-driver" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand merge-driver" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand merge-driver" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand merge-driver" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand generate" -l items -d 'How many items to add' -r
complete -c jerry -n "__fish_jerry_using_subcommand generate" -l events-per-item -d 'Events per item: a creation, then reassignments' -r
complete -c jerry -n "__fish_jerry_using_subcommand generate" -l project -d 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several' -r
complete -c jerry -n "__fish_jerry_using_subcommand generate" -l root -d 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]' -r -F
complete -c jerry -n "__fish_jerry_using_subcommand generate" -l format -d 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)' -r -f -a "table\t''
json\t'One JSON document (pretty-printed)'
jsonl\t'One compact JSON object per line; a list gives one line per element'
toon\t'TOON, the token-efficient encoding of the same JSON data model, for LLM agents'"
complete -c jerry -n "__fish_jerry_using_subcommand generate" -l actor -d 'Who is making the change, recorded in each event\'s metadata [default: the project\'s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor\'s events' -r
complete -c jerry -n "__fish_jerry_using_subcommand generate" -l color -d 'Colour in tables: auto (a terminal without NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c jerry -n "__fish_jerry_using_subcommand generate" -l correlation-id -d 'Correlation id recorded on this command\'s events [default: a new id per command]' -r
complete -c jerry -n "__fish_jerry_using_subcommand generate" -l lock-timeout -d 'Seconds to wait for another writer\'s lock before failing with exit code 1 [default: the project\'s lock_timeout setting, else 5]' -r
complete -c jerry -n "__fish_jerry_using_subcommand generate" -l store -d 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project\'s store setting, else jsonl]' -r
complete -c jerry -n "__fish_jerry_using_subcommand generate" -l json -d 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
complete -c jerry -n "__fish_jerry_using_subcommand generate" -s q -l quiet -d 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
complete -c jerry -n "__fish_jerry_using_subcommand generate" -l wide -d 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
complete -c jerry -n "__fish_jerry_using_subcommand generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jerry -n "__fish_jerry_using_subcommand generate" -s V -l version -d 'Print version'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "init" -d 'Create a project (PROJ-001 by default, else the next free number)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "items" -d 'Create, change and inspect work items'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "events" -d 'Read, watch, move and check the whole event log, in its one global order'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "config" -d 'Read and change the project\'s settings (.jerry/config.toml)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "projects" -d 'List, create and inspect projects'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "store" -d 'Set up a store, see where events live, and move them between backends'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "undo" -d 'Take back your last command (or the one named), with its policies\' reactions, by appending compensating events; run again, the one before it'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "redo" -d 'Re-apply what your last undo took back'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "doctor" -d 'Check the project\'s files and read model; --repair fixes what is safe (exit 6 if problems remain)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "archive" -d 'Move finished work out of the live log into a compressed archive segment'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "ids" -d 'Print item ids (or, with --projects, project ids), one per line, for shell completion'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "man" -d 'Write the man pages (jerry.1 and one per subcommand) into DIR'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "mcp" -d 'Serve the Model Context Protocol on stdin/stdout, for agent hosts (see README, "Agents")'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "sync" -d 'Exchange the project\'s events with a git remote, so every clone that syncs converges'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "serve" -d 'Serve the live board and its JSON API on 127.0.0.1 until Ctrl-C'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "merge-driver" -d 'The git merge driver for committed event files (git runs it; see sync --install-merge-driver)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "generate" -d 'Build a synthetic project for benchmarks (not a user command)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and not __fish_seen_subcommand_from init items events config projects store undo redo doctor archive completions ids man mcp sync serve merge-driver generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "create" -d 'Create an item and print its id'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "start" -d 'Start working on items (pending or blocked → in_progress)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "claim" -d 'Take the next ready item (or the one named) for yourself, atomically'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "release" -d 'Give items in progress back (in_progress → pending, unassigned, unclaimed)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "complete" -d 'Finish items (pending or in_progress → done)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "cancel" -d 'Cancel items (pending, in_progress or blocked → cancelled; final)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "reopen" -d 'Reopen done items (done → in_progress; only from done)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "block" -d 'Block items that are in progress; a reason is required'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "status" -d 'Move an item to any status its current one allows'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "priority" -d 'Change items\' priority'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "assign" -d 'Assign items to someone (or --none to unassign)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "due" -d 'Set, move or remove an item\'s due date'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "depend" -d 'Record that an item depends on another'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "undepend" -d 'Remove a dependency'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "edit" -d 'Change an item\'s title and/or description'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "label" -d 'Add or remove labels'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "comment" -d 'Add a comment (shown by items show and items history)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "list" -d 'List items, filtered; a table, or a JSON array with --json'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "show" -d 'Show one item (now, or as it was --at a moment)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "history" -d 'Show an item\'s events, oldest first'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "parent" -d 'Move an item under another parent, or to the top with --none'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "metrics" -d 'Record an item\'s quality metrics (what a quality_gate looks for on complete)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "ready" -d 'List the work that can start now: pending items with no open blocker and no open children, by priority, then the earliest due date, then age'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "blocked" -d 'List the items that wait: on an open blocker, or blocked by hand (with the reason)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "resolve" -d 'Settle a conflict: keep what the item holds, take the other side, or set a value'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "tree" -d 'Draw parents, children and dependencies as an indented tree (--json: nested objects)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "list" -d 'List events in global order: a table, --json (an array) or --jsonl'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "follow" -d 'Print events as other processes append them, until Ctrl-C'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "replay" -d 'Rebuild the read model from the log; --verify checks it against each stream (exit 6 on a difference)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "export" -d 'Write the log (or the filtered part) in global order, as JSON Lines by default'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "import" -d 'Restore an export: keeps stream ids, versions and event ids; repeating it is a no-op'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "stats" -d 'Count events, grouped by type, stream, day or actor'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "query" -d 'Find, within each item, an event of one type followed by one of another inside a window'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get" -d 'Print one setting as it takes effect (a flag or its environment variable, else config.toml, else the default); --json adds where it comes from'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Change one setting'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "unset" -d 'Remove one setting from config.toml (it falls back to its default)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'Print every setting as it takes effect and where its value comes from'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the path of the project\'s config.toml'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from projects" -f -a "list" -d 'List the workspace\'s projects with their item and event counts'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from projects" -f -a "create" -d 'Create a project (the same as jerry init)'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from projects" -f -a "use" -d 'Make a project the workspace\'s default: used when no --project or JERRY_PROJECT names one'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from projects" -f -a "show" -d 'Show one project: where it lives, its counts and settings'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from store" -f -a "init" -d 'Create or upgrade the store\'s schema (PostgreSQL needs this once; files and SQLite set themselves up). Safe to run again, from several machines at once'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from store" -f -a "info" -d 'Show which backend the project uses, where, and how much it holds'
complete -c jerry -n "__fish_jerry_using_subcommand help; and __fish_seen_subcommand_from store" -f -a "migrate" -d 'Copy every event of the project to another store, keeping ids, versions and positions; resumable, and verified by counts and a content hash at the end'
