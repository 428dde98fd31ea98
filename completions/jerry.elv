
use builtin;
use str;

set edit:completion:arg-completer[jerry] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'jerry'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'jerry'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create a project (PROJ-001 by default, else the next free number)'
            cand items 'Create, change and inspect work items'
            cand events 'Read, watch, move and check the whole event log, in its one global order'
            cand config 'Read and change the project''s settings (.jerry/config.toml)'
            cand projects 'List, create and inspect projects'
            cand store 'Set up a store, see where events live, and move them between backends'
            cand undo 'Take back your last command (or the one named), with its policies'' reactions, by appending compensating events; run again, the one before it'
            cand redo 'Re-apply what your last undo took back'
            cand doctor 'Check the project''s files and read model; --repair fixes what is safe (exit 6 if problems remain)'
            cand archive 'Move finished work out of the live log into a compressed archive segment'
            cand completions 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
            cand ids 'Print item ids (or, with --projects, project ids), one per line, for shell completion'
            cand man 'Write the man pages (jerry.1 and one per subcommand) into DIR'
            cand mcp 'Serve the Model Context Protocol on stdin/stdout, for agent hosts (see README, "Agents")'
            cand sync 'Exchange the project''s events with a git remote, so every clone that syncs converges'
            cand serve 'Serve the live board and its JSON API on 127.0.0.1 until Ctrl-C'
            cand merge-driver 'The git merge driver for committed event files (git runs it; see sync --install-merge-driver)'
            cand generate 'Build a synthetic project for benchmarks (not a user command)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jerry;init'= {
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create an item and print its id'
            cand start 'Start working on items (pending or blocked → in_progress)'
            cand claim 'Take the next ready item (or the one named) for yourself, atomically'
            cand release 'Give items in progress back (in_progress → pending, unassigned, unclaimed)'
            cand complete 'Finish items (pending or in_progress → done)'
            cand cancel 'Cancel items (pending, in_progress or blocked → cancelled; final)'
            cand reopen 'Reopen done items (done → in_progress; only from done)'
            cand block 'Block items that are in progress; a reason is required'
            cand status 'Move an item to any status its current one allows'
            cand priority 'Change items'' priority'
            cand assign 'Assign items to someone (or --none to unassign)'
            cand due 'Set, move or remove an item''s due date'
            cand depend 'Record that an item depends on another'
            cand undepend 'Remove a dependency'
            cand edit 'Change an item''s title and/or description'
            cand label 'Add or remove labels'
            cand comment 'Add a comment (shown by items show and items history)'
            cand list 'List items, filtered; a table, or a JSON array with --json'
            cand show 'Show one item (now, or as it was --at a moment)'
            cand history 'Show an item''s events, oldest first'
            cand parent 'Move an item under another parent, or to the top with --none'
            cand metrics 'Record an item''s quality metrics (what a quality_gate looks for on complete)'
            cand ready 'List the work that can start now: pending items with no open blocker and no open children, by priority, then the earliest due date, then age'
            cand blocked 'List the items that wait: on an open blocker, or blocked by hand (with the reason)'
            cand resolve 'Settle a conflict: keep what the item holds, take the other side, or set a value'
            cand tree 'Draw parents, children and dependencies as an indented tree (--json: nested objects)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jerry;items;create'= {
            cand -t 'epic, story, task, subtask, bug or spike [default: the project''s default_type, else task]'
            cand --type 'epic, story, task, subtask, bug or spike [default: the project''s default_type, else task]'
            cand -p 'critical, high, medium or low'
            cand --priority 'critical, high, medium or low'
            cand -d 'd'
            cand --description 'description'
            cand --parent 'The parent item (it must exist)'
            cand -a 'a'
            cand --assignee 'assignee'
            cand --due 'When it is due: a date, RFC 3339, a time ahead (+3d), today or tomorrow'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;start'= {
            cand -r 'r'
            cand --reason 'reason'
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;claim'= {
            cand --as 'Claim for this actor [default: --actor, JERRY_ACTOR, the actor setting, else user]'
            cand --lease 'Hold the item this long after each of your writes to it (30s, 15m, 2h, 1d); without it the claim lasts until released, finished or reassigned'
            cand -t 'Only items of this type (repeatable)'
            cand --type 'Only items of this type (repeatable)'
            cand -p 'Only items of this priority (repeatable)'
            cand --priority 'Only items of this priority (repeatable)'
            cand -a 'Only items assigned to WHO; `none` for unassigned items'
            cand --assignee 'Only items assigned to WHO; `none` for unassigned items'
            cand --label 'Only items with this label (repeatable: all of them)'
            cand --search 'Only items whose title, description or a comment contains TEXT (any case)'
            cand --due-before 'Only items due before TIME (a date, RFC 3339, +3d, tomorrow, …)'
            cand --fields 'Print only these fields of each item, in this order (id,title,status,…); a field an item lacks is null. Applies to every format (the table gets these columns)'
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --overdue 'Only open items whose due date has passed'
            cand --conflicts 'Only items with open conflicts (events merged from another clone that did not fit)'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;release'= {
            cand -r 'r'
            cand --reason 'reason'
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --force 'Release it even though someone else holds a live claim on it'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;complete'= {
            cand -r 'r'
            cand --reason 'reason'
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;cancel'= {
            cand -r 'r'
            cand --reason 'reason'
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;reopen'= {
            cand -r 'r'
            cand --reason 'reason'
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;block'= {
            cand -r 'Why the item is blocked'
            cand --reason 'Why the item is blocked'
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;status'= {
            cand -r 'r'
            cand --reason 'reason'
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;priority'= {
            cand -r 'r'
            cand --reason 'reason'
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;assign'= {
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --none 'Unassign the item instead'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;due'= {
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --none 'Remove the due date'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;depend'= {
            cand --type 'blocks, blocked_by or related'
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;undepend'= {
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;edit'= {
            cand --title 'The new title'
            cand -d 'The new description ("" removes it)'
            cand --description 'The new description ("" removes it)'
            cand -t 'The new type: epic, story, task, subtask, bug or spike (it must still rank below its parent and above its children)'
            cand --type 'The new type: epic, story, task, subtask, bug or spike (it must still rank below its parent and above its children)'
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;label'= {
            cand --add 'A label to add (repeatable): 1 to 50 characters, no spaces'
            cand --remove 'A label to remove (repeatable)'
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;comment'= {
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;list'= {
            cand -s 'Only items with this status (repeatable); `open` is pending, in_progress or blocked, `closed` is done or cancelled [default: open, unless --all]'
            cand --status 'Only items with this status (repeatable); `open` is pending, in_progress or blocked, `closed` is done or cancelled [default: open, unless --all]'
            cand -t 'Only items of this type (repeatable)'
            cand --type 'Only items of this type (repeatable)'
            cand -p 'Only items of this priority (repeatable)'
            cand --priority 'Only items of this priority (repeatable)'
            cand -a 'Only items assigned to WHO; `none` for unassigned items'
            cand --assignee 'Only items assigned to WHO; `none` for unassigned items'
            cand --label 'Only items with this label (repeatable: all of them)'
            cand --search 'Only items whose title, description or a comment contains TEXT (any case)'
            cand --due-before 'Only items due before TIME (a date, RFC 3339, +3d, tomorrow, …)'
            cand --parent 'Only children of this item'
            cand --sort 'Order by priority, created, updated, due, id or status [default: id]; ties by id'
            cand --limit 'Show at most N items; stderr says how many were left out'
            cand --at 'List the items as they were at TIME'
            cand --fields 'Print only these fields of each item, in this order (id,title,status,…); a field an item lacks is null. Applies to every format (the table gets these columns)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand -A 'Closed items too (done, cancelled): without it or a --status, the list is open work (--status, when given, says which)'
            cand --all 'Closed items too (done, cancelled): without it or a --status, the list is open work (--status, when given, says which)'
            cand --overdue 'Only open items whose due date has passed'
            cand --conflicts 'Only items with open conflicts (events merged from another clone that did not fit)'
            cand --reverse 'Reverse the order'
            cand --archived 'Include archived items (see jerry archive); --at always does'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;show'= {
            cand --at 'Show the item as it was at TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, yesterday)'
            cand --fields 'Print only these fields of each item, in this order (id,title,status,…); a field an item lacks is null. Applies to every format (the table gets these columns)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;history'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;parent'= {
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --none 'Remove the parent: the item goes to the top'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;metrics'= {
            cand --coverage 'Test coverage in percent, 0 to 100'
            cand --positive 'How many positive (happy-path) tests'
            cand --negative 'How many negative (error-path) tests'
            cand --edge 'How many edge-case tests'
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;ready'= {
            cand -t 'Only items of this type (repeatable)'
            cand --type 'Only items of this type (repeatable)'
            cand -p 'Only items of this priority (repeatable)'
            cand --priority 'Only items of this priority (repeatable)'
            cand -a 'Only items assigned to WHO; `none` for unassigned items'
            cand --assignee 'Only items assigned to WHO; `none` for unassigned items'
            cand --label 'Only items with this label (repeatable: all of them)'
            cand --search 'Only items whose title, description or a comment contains TEXT (any case)'
            cand --due-before 'Only items due before TIME (a date, RFC 3339, +3d, tomorrow, …)'
            cand --limit 'Show at most N items (the first N to pick)'
            cand --fields 'Print only these fields of each item, in this order (id,title,status,…); a field an item lacks is null. Applies to every format (the table gets these columns)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --overdue 'Only open items whose due date has passed'
            cand --conflicts 'Only items with open conflicts (events merged from another clone that did not fit)'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;blocked'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;resolve'= {
            cand --conflict 'The conflict to settle: the version of the event that did not fit (items show lists them as vN)'
            cand --set 'Set this value of the conflict''s field instead (none clears an optional field)'
            cand --expected-version 'Fail with exit code 4, writing nothing, unless the item is still at this version'
            cand --idempotency-key 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --keep 'Keep what the item holds; the conflicting event stays not applied'
            cand --take 'Take what the conflicting event asked for'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;tree'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;items;help'= {
            cand create 'Create an item and print its id'
            cand start 'Start working on items (pending or blocked → in_progress)'
            cand claim 'Take the next ready item (or the one named) for yourself, atomically'
            cand release 'Give items in progress back (in_progress → pending, unassigned, unclaimed)'
            cand complete 'Finish items (pending or in_progress → done)'
            cand cancel 'Cancel items (pending, in_progress or blocked → cancelled; final)'
            cand reopen 'Reopen done items (done → in_progress; only from done)'
            cand block 'Block items that are in progress; a reason is required'
            cand status 'Move an item to any status its current one allows'
            cand priority 'Change items'' priority'
            cand assign 'Assign items to someone (or --none to unassign)'
            cand due 'Set, move or remove an item''s due date'
            cand depend 'Record that an item depends on another'
            cand undepend 'Remove a dependency'
            cand edit 'Change an item''s title and/or description'
            cand label 'Add or remove labels'
            cand comment 'Add a comment (shown by items show and items history)'
            cand list 'List items, filtered; a table, or a JSON array with --json'
            cand show 'Show one item (now, or as it was --at a moment)'
            cand history 'Show an item''s events, oldest first'
            cand parent 'Move an item under another parent, or to the top with --none'
            cand metrics 'Record an item''s quality metrics (what a quality_gate looks for on complete)'
            cand ready 'List the work that can start now: pending items with no open blocker and no open children, by priority, then the earliest due date, then age'
            cand blocked 'List the items that wait: on an open blocker, or blocked by hand (with the reason)'
            cand resolve 'Settle a conflict: keep what the item holds, take the other side, or set a value'
            cand tree 'Draw parents, children and dependencies as an indented tree (--json: nested objects)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jerry;items;help;create'= {
        }
        &'jerry;items;help;start'= {
        }
        &'jerry;items;help;claim'= {
        }
        &'jerry;items;help;release'= {
        }
        &'jerry;items;help;complete'= {
        }
        &'jerry;items;help;cancel'= {
        }
        &'jerry;items;help;reopen'= {
        }
        &'jerry;items;help;block'= {
        }
        &'jerry;items;help;status'= {
        }
        &'jerry;items;help;priority'= {
        }
        &'jerry;items;help;assign'= {
        }
        &'jerry;items;help;due'= {
        }
        &'jerry;items;help;depend'= {
        }
        &'jerry;items;help;undepend'= {
        }
        &'jerry;items;help;edit'= {
        }
        &'jerry;items;help;label'= {
        }
        &'jerry;items;help;comment'= {
        }
        &'jerry;items;help;list'= {
        }
        &'jerry;items;help;show'= {
        }
        &'jerry;items;help;history'= {
        }
        &'jerry;items;help;parent'= {
        }
        &'jerry;items;help;metrics'= {
        }
        &'jerry;items;help;ready'= {
        }
        &'jerry;items;help;blocked'= {
        }
        &'jerry;items;help;resolve'= {
        }
        &'jerry;items;help;tree'= {
        }
        &'jerry;items;help;help'= {
        }
        &'jerry;events'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List events in global order: a table, --json (an array) or --jsonl'
            cand follow 'Print events as other processes append them, until Ctrl-C'
            cand replay 'Rebuild the read model from the log; --verify checks it against each stream (exit 6 on a difference)'
            cand export 'Write the log (or the filtered part) in global order, as JSON Lines by default'
            cand import 'Restore an export: keeps stream ids, versions and event ids; repeating it is a no-op'
            cand stats 'Count events, grouped by type, stream, day or actor'
            cand query 'Find, within each item, an event of one type followed by one of another inside a window'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jerry;events;list'= {
            cand --type 'Only events of this type, e.g. StatusChanged (repeatable)'
            cand --item 'Only events of this item'
            cand --stream 'Only events of this stream, e.g. work_item-WORK-001'
            cand --since 'Only events at or after TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, today, yesterday)'
            cand --until 'Only events at or before TIME'
            cand --correlation 'Only events of one request (its correlation id)'
            cand --after 'Only events after this global position'
            cand --last 'Only the last N matching events'
            cand --limit 'At most N events; stderr says how many were left out'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --jsonl 'One JSON object per line'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;events;follow'= {
            cand --type 'Only events of this type, e.g. StatusChanged (repeatable)'
            cand --item 'Only events of this item'
            cand --stream 'Only events of this stream, e.g. work_item-WORK-001'
            cand --since 'Only events at or after TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, today, yesterday)'
            cand --until 'Only events at or before TIME'
            cand --correlation 'Only events of one request (its correlation id)'
            cand --after 'Start after this global position'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --from-start 'Start from the first event instead of from now'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;events;replay'= {
            cand --until 'Replay only up to TIME'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --verify 'Check the rebuilt state against each item''s own stream; exit 6 on any difference'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;events;export'= {
            cand --type 'Only events of this type, e.g. StatusChanged (repeatable)'
            cand --item 'Only events of this item'
            cand --stream 'Only events of this stream, e.g. work_item-WORK-001'
            cand --since 'Only events at or after TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, today, yesterday)'
            cand --until 'Only events at or before TIME'
            cand --correlation 'Only events of one request (its correlation id)'
            cand --after 'Only events after this global position'
            cand -o 'Write to FILE (atomically: a temp file renamed into place) instead of stdout'
            cand --output 'Write to FILE (atomically: a temp file renamed into place) instead of stdout'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;events;import'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;events;stats'= {
            cand --group-by 'group-by'
            cand --type 'Only events of this type, e.g. StatusChanged (repeatable)'
            cand --item 'Only events of this item'
            cand --stream 'Only events of this stream, e.g. work_item-WORK-001'
            cand --since 'Only events at or after TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, today, yesterday)'
            cand --until 'Only events at or before TIME'
            cand --correlation 'Only events of one request (its correlation id)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;events;query'= {
            cand --within 'The longest gap between the two events (30s, 5m, 2h, 1d)'
            cand --type 'Only events of this type, e.g. StatusChanged (repeatable)'
            cand --item 'Only events of this item'
            cand --stream 'Only events of this stream, e.g. work_item-WORK-001'
            cand --since 'Only events at or after TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, today, yesterday)'
            cand --until 'Only events at or before TIME'
            cand --correlation 'Only events of one request (its correlation id)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;events;help'= {
            cand list 'List events in global order: a table, --json (an array) or --jsonl'
            cand follow 'Print events as other processes append them, until Ctrl-C'
            cand replay 'Rebuild the read model from the log; --verify checks it against each stream (exit 6 on a difference)'
            cand export 'Write the log (or the filtered part) in global order, as JSON Lines by default'
            cand import 'Restore an export: keeps stream ids, versions and event ids; repeating it is a no-op'
            cand stats 'Count events, grouped by type, stream, day or actor'
            cand query 'Find, within each item, an event of one type followed by one of another inside a window'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jerry;events;help;list'= {
        }
        &'jerry;events;help;follow'= {
        }
        &'jerry;events;help;replay'= {
        }
        &'jerry;events;help;export'= {
        }
        &'jerry;events;help;import'= {
        }
        &'jerry;events;help;stats'= {
        }
        &'jerry;events;help;query'= {
        }
        &'jerry;events;help;help'= {
        }
        &'jerry;config'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand get 'Print one setting as it takes effect (a flag or its environment variable, else config.toml, else the default); --json adds where it comes from'
            cand set 'Change one setting'
            cand unset 'Remove one setting from config.toml (it falls back to its default)'
            cand list 'Print every setting as it takes effect and where its value comes from'
            cand path 'Print the path of the project''s config.toml'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jerry;config;get'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;config;set'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;config;unset'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;config;list'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;config;path'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;config;help'= {
            cand get 'Print one setting as it takes effect (a flag or its environment variable, else config.toml, else the default); --json adds where it comes from'
            cand set 'Change one setting'
            cand unset 'Remove one setting from config.toml (it falls back to its default)'
            cand list 'Print every setting as it takes effect and where its value comes from'
            cand path 'Print the path of the project''s config.toml'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jerry;config;help;get'= {
        }
        &'jerry;config;help;set'= {
        }
        &'jerry;config;help;unset'= {
        }
        &'jerry;config;help;list'= {
        }
        &'jerry;config;help;path'= {
        }
        &'jerry;config;help;help'= {
        }
        &'jerry;projects'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the workspace''s projects with their item and event counts'
            cand create 'Create a project (the same as jerry init)'
            cand use 'Make a project the workspace''s default: used when no --project or JERRY_PROJECT names one'
            cand show 'Show one project: where it lives, its counts and settings'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jerry;projects;list'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;projects;create'= {
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;projects;use'= {
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;projects;show'= {
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;projects;help'= {
            cand list 'List the workspace''s projects with their item and event counts'
            cand create 'Create a project (the same as jerry init)'
            cand use 'Make a project the workspace''s default: used when no --project or JERRY_PROJECT names one'
            cand show 'Show one project: where it lives, its counts and settings'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jerry;projects;help;list'= {
        }
        &'jerry;projects;help;create'= {
        }
        &'jerry;projects;help;use'= {
        }
        &'jerry;projects;help;show'= {
        }
        &'jerry;projects;help;help'= {
        }
        &'jerry;store'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create or upgrade the store''s schema (PostgreSQL needs this once; files and SQLite set themselves up). Safe to run again, from several machines at once'
            cand info 'Show which backend the project uses, where, and how much it holds'
            cand migrate 'Copy every event of the project to another store, keeping ids, versions and positions; resumable, and verified by counts and a content hash at the end'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jerry;store;init'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;store;info'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;store;migrate'= {
            cand --to 'The store to copy into: jsonl, sqlite:<path> or postgres://user@host/database'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;store;help'= {
            cand init 'Create or upgrade the store''s schema (PostgreSQL needs this once; files and SQLite set themselves up). Safe to run again, from several machines at once'
            cand info 'Show which backend the project uses, where, and how much it holds'
            cand migrate 'Copy every event of the project to another store, keeping ids, versions and positions; resumable, and verified by counts and a content hash at the end'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jerry;store;help;init'= {
        }
        &'jerry;store;help;info'= {
        }
        &'jerry;store;help;migrate'= {
        }
        &'jerry;store;help;help'= {
        }
        &'jerry;undo'= {
            cand --correlation 'The correlation id of the command to take back (events list shows them) [default: the last command written by this actor]'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;redo'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;doctor'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --repair 'Fix what is safe to fix'
            cand --accept-loss 'With --repair: give up events no stream holds any more (removed outside jerry), noting them in .jerry/quarantine/, and number what is left again'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;archive'= {
            cand --closed-before 'Archive work finished before this moment: a date, RFC 3339, or an age such as 90d'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --dry-run 'Say what would be archived; move nothing'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;completions'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;ids'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --projects 'Project ids instead of item ids'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;man'= {
            cand --out 'Where to write the pages'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;mcp'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;sync'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --dry-run 'Show what would be sent and received; change nothing here or there'
            cand --install-merge-driver 'Instead of syncing: make `git merge` merge committed event files by jerry''s rule (writes .gitattributes here and the driver into the repository''s git config)'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;serve'= {
            cand --port 'The port (0: any free one)'
            cand --listen 'Listen on this address instead of 127.0.0.1 (reachable by others: needs --token)'
            cand --token 'The write token (default: a new random one per server, carried by the page)'
            cand --host 'Another name (or address) the board answers to in `Host`, e.g. the machine''s LAN address or host name with --listen (repeatable)'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --open 'Open the board in the default browser'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;merge-driver'= {
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;generate'= {
            cand --items 'How many items to add'
            cand --events-per-item 'Events per item: a creation, then reassignments'
            cand --project 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several'
            cand --root 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]'
            cand --format 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)'
            cand --actor 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events'
            cand --color 'Colour in tables: auto (a terminal without NO_COLOR), always or never'
            cand --correlation-id 'Correlation id recorded on this command''s events [default: a new id per command]'
            cand --lock-timeout 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]'
            cand --store 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]'
            cand --json 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format'
            cand -q 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --quiet 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)'
            cand --wide 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'jerry;help'= {
            cand init 'Create a project (PROJ-001 by default, else the next free number)'
            cand items 'Create, change and inspect work items'
            cand events 'Read, watch, move and check the whole event log, in its one global order'
            cand config 'Read and change the project''s settings (.jerry/config.toml)'
            cand projects 'List, create and inspect projects'
            cand store 'Set up a store, see where events live, and move them between backends'
            cand undo 'Take back your last command (or the one named), with its policies'' reactions, by appending compensating events; run again, the one before it'
            cand redo 'Re-apply what your last undo took back'
            cand doctor 'Check the project''s files and read model; --repair fixes what is safe (exit 6 if problems remain)'
            cand archive 'Move finished work out of the live log into a compressed archive segment'
            cand completions 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
            cand ids 'Print item ids (or, with --projects, project ids), one per line, for shell completion'
            cand man 'Write the man pages (jerry.1 and one per subcommand) into DIR'
            cand mcp 'Serve the Model Context Protocol on stdin/stdout, for agent hosts (see README, "Agents")'
            cand sync 'Exchange the project''s events with a git remote, so every clone that syncs converges'
            cand serve 'Serve the live board and its JSON API on 127.0.0.1 until Ctrl-C'
            cand merge-driver 'The git merge driver for committed event files (git runs it; see sync --install-merge-driver)'
            cand generate 'Build a synthetic project for benchmarks (not a user command)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'jerry;help;init'= {
        }
        &'jerry;help;items'= {
            cand create 'Create an item and print its id'
            cand start 'Start working on items (pending or blocked → in_progress)'
            cand claim 'Take the next ready item (or the one named) for yourself, atomically'
            cand release 'Give items in progress back (in_progress → pending, unassigned, unclaimed)'
            cand complete 'Finish items (pending or in_progress → done)'
            cand cancel 'Cancel items (pending, in_progress or blocked → cancelled; final)'
            cand reopen 'Reopen done items (done → in_progress; only from done)'
            cand block 'Block items that are in progress; a reason is required'
            cand status 'Move an item to any status its current one allows'
            cand priority 'Change items'' priority'
            cand assign 'Assign items to someone (or --none to unassign)'
            cand due 'Set, move or remove an item''s due date'
            cand depend 'Record that an item depends on another'
            cand undepend 'Remove a dependency'
            cand edit 'Change an item''s title and/or description'
            cand label 'Add or remove labels'
            cand comment 'Add a comment (shown by items show and items history)'
            cand list 'List items, filtered; a table, or a JSON array with --json'
            cand show 'Show one item (now, or as it was --at a moment)'
            cand history 'Show an item''s events, oldest first'
            cand parent 'Move an item under another parent, or to the top with --none'
            cand metrics 'Record an item''s quality metrics (what a quality_gate looks for on complete)'
            cand ready 'List the work that can start now: pending items with no open blocker and no open children, by priority, then the earliest due date, then age'
            cand blocked 'List the items that wait: on an open blocker, or blocked by hand (with the reason)'
            cand resolve 'Settle a conflict: keep what the item holds, take the other side, or set a value'
            cand tree 'Draw parents, children and dependencies as an indented tree (--json: nested objects)'
        }
        &'jerry;help;items;create'= {
        }
        &'jerry;help;items;start'= {
        }
        &'jerry;help;items;claim'= {
        }
        &'jerry;help;items;release'= {
        }
        &'jerry;help;items;complete'= {
        }
        &'jerry;help;items;cancel'= {
        }
        &'jerry;help;items;reopen'= {
        }
        &'jerry;help;items;block'= {
        }
        &'jerry;help;items;status'= {
        }
        &'jerry;help;items;priority'= {
        }
        &'jerry;help;items;assign'= {
        }
        &'jerry;help;items;due'= {
        }
        &'jerry;help;items;depend'= {
        }
        &'jerry;help;items;undepend'= {
        }
        &'jerry;help;items;edit'= {
        }
        &'jerry;help;items;label'= {
        }
        &'jerry;help;items;comment'= {
        }
        &'jerry;help;items;list'= {
        }
        &'jerry;help;items;show'= {
        }
        &'jerry;help;items;history'= {
        }
        &'jerry;help;items;parent'= {
        }
        &'jerry;help;items;metrics'= {
        }
        &'jerry;help;items;ready'= {
        }
        &'jerry;help;items;blocked'= {
        }
        &'jerry;help;items;resolve'= {
        }
        &'jerry;help;items;tree'= {
        }
        &'jerry;help;events'= {
            cand list 'List events in global order: a table, --json (an array) or --jsonl'
            cand follow 'Print events as other processes append them, until Ctrl-C'
            cand replay 'Rebuild the read model from the log; --verify checks it against each stream (exit 6 on a difference)'
            cand export 'Write the log (or the filtered part) in global order, as JSON Lines by default'
            cand import 'Restore an export: keeps stream ids, versions and event ids; repeating it is a no-op'
            cand stats 'Count events, grouped by type, stream, day or actor'
            cand query 'Find, within each item, an event of one type followed by one of another inside a window'
        }
        &'jerry;help;events;list'= {
        }
        &'jerry;help;events;follow'= {
        }
        &'jerry;help;events;replay'= {
        }
        &'jerry;help;events;export'= {
        }
        &'jerry;help;events;import'= {
        }
        &'jerry;help;events;stats'= {
        }
        &'jerry;help;events;query'= {
        }
        &'jerry;help;config'= {
            cand get 'Print one setting as it takes effect (a flag or its environment variable, else config.toml, else the default); --json adds where it comes from'
            cand set 'Change one setting'
            cand unset 'Remove one setting from config.toml (it falls back to its default)'
            cand list 'Print every setting as it takes effect and where its value comes from'
            cand path 'Print the path of the project''s config.toml'
        }
        &'jerry;help;config;get'= {
        }
        &'jerry;help;config;set'= {
        }
        &'jerry;help;config;unset'= {
        }
        &'jerry;help;config;list'= {
        }
        &'jerry;help;config;path'= {
        }
        &'jerry;help;projects'= {
            cand list 'List the workspace''s projects with their item and event counts'
            cand create 'Create a project (the same as jerry init)'
            cand use 'Make a project the workspace''s default: used when no --project or JERRY_PROJECT names one'
            cand show 'Show one project: where it lives, its counts and settings'
        }
        &'jerry;help;projects;list'= {
        }
        &'jerry;help;projects;create'= {
        }
        &'jerry;help;projects;use'= {
        }
        &'jerry;help;projects;show'= {
        }
        &'jerry;help;store'= {
            cand init 'Create or upgrade the store''s schema (PostgreSQL needs this once; files and SQLite set themselves up). Safe to run again, from several machines at once'
            cand info 'Show which backend the project uses, where, and how much it holds'
            cand migrate 'Copy every event of the project to another store, keeping ids, versions and positions; resumable, and verified by counts and a content hash at the end'
        }
        &'jerry;help;store;init'= {
        }
        &'jerry;help;store;info'= {
        }
        &'jerry;help;store;migrate'= {
        }
        &'jerry;help;undo'= {
        }
        &'jerry;help;redo'= {
        }
        &'jerry;help;doctor'= {
        }
        &'jerry;help;archive'= {
        }
        &'jerry;help;completions'= {
        }
        &'jerry;help;ids'= {
        }
        &'jerry;help;man'= {
        }
        &'jerry;help;mcp'= {
        }
        &'jerry;help;sync'= {
        }
        &'jerry;help;serve'= {
        }
        &'jerry;help;merge-driver'= {
        }
        &'jerry;help;generate'= {
        }
        &'jerry;help;help'= {
        }
    ]
    $completions[$command]
}
