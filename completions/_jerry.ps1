
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'jerry' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'jerry'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'jerry' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a project (PROJ-001 by default, else the next free number)')
            [CompletionResult]::new('items', 'items', [CompletionResultType]::ParameterValue, 'Create, change and inspect work items')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'Read, watch, move and check the whole event log, in its one global order')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read and change the project''s settings (.jerry/config.toml)')
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'List, create and inspect projects')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Set up a store, see where events live, and move them between backends')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Take back your last command (or the one named), with its policies'' reactions, by appending compensating events; run again, the one before it')
            [CompletionResult]::new('redo', 'redo', [CompletionResultType]::ParameterValue, 'Re-apply what your last undo took back')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the project''s files and read model; --repair fixes what is safe (exit 6 if problems remain)')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Move finished work out of the live log into a compressed archive segment')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('ids', 'ids', [CompletionResultType]::ParameterValue, 'Print item ids (or, with --projects, project ids), one per line, for shell completion')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write the man pages (jerry.1 and one per subcommand) into DIR')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the Model Context Protocol on stdin/stdout, for agent hosts (see README, "Agents")')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Exchange the project''s events with a git remote, so every clone that syncs converges')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the live board and its JSON API on 127.0.0.1 until Ctrl-C')
            [CompletionResult]::new('merge-driver', 'merge-driver', [CompletionResultType]::ParameterValue, 'The git merge driver for committed event files (git runs it; see sync --install-merge-driver)')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Build a synthetic project for benchmarks (not a user command)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jerry;init' {
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an item and print its id')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start working on items (pending or blocked → in_progress)')
            [CompletionResult]::new('claim', 'claim', [CompletionResultType]::ParameterValue, 'Take the next ready item (or the one named) for yourself, atomically')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Give items in progress back (in_progress → pending, unassigned, unclaimed)')
            [CompletionResult]::new('complete', 'complete', [CompletionResultType]::ParameterValue, 'Finish items (pending or in_progress → done)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel items (pending, in_progress or blocked → cancelled; final)')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen done items (done → in_progress; only from done)')
            [CompletionResult]::new('block', 'block', [CompletionResultType]::ParameterValue, 'Block items that are in progress; a reason is required')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Move an item to any status its current one allows')
            [CompletionResult]::new('priority', 'priority', [CompletionResultType]::ParameterValue, 'Change items'' priority')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Assign items to someone (or --none to unassign)')
            [CompletionResult]::new('due', 'due', [CompletionResultType]::ParameterValue, 'Set, move or remove an item''s due date')
            [CompletionResult]::new('depend', 'depend', [CompletionResultType]::ParameterValue, 'Record that an item depends on another')
            [CompletionResult]::new('undepend', 'undepend', [CompletionResultType]::ParameterValue, 'Remove a dependency')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an item''s title and/or description')
            [CompletionResult]::new('label', 'label', [CompletionResultType]::ParameterValue, 'Add or remove labels')
            [CompletionResult]::new('comment', 'comment', [CompletionResultType]::ParameterValue, 'Add a comment (shown by items show and items history)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List items, filtered; a table, or a JSON array with --json')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one item (now, or as it was --at a moment)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show an item''s events, oldest first')
            [CompletionResult]::new('parent', 'parent', [CompletionResultType]::ParameterValue, 'Move an item under another parent, or to the top with --none')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Record an item''s quality metrics (what a quality_gate looks for on complete)')
            [CompletionResult]::new('ready', 'ready', [CompletionResultType]::ParameterValue, 'List the work that can start now: pending items with no open blocker and no open children, by priority, then the earliest due date, then age')
            [CompletionResult]::new('blocked', 'blocked', [CompletionResultType]::ParameterValue, 'List the items that wait: on an open blocker, or blocked by hand (with the reason)')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Settle a conflict: keep what the item holds, take the other side, or set a value')
            [CompletionResult]::new('tree', 'tree', [CompletionResultType]::ParameterValue, 'Draw parents, children and dependencies as an indented tree (--json: nested objects)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jerry;items;create' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'epic, story, task, subtask, bug or spike [default: the project''s default_type, else task]')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'epic, story, task, subtask, bug or spike [default: the project''s default_type, else task]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'critical, high, medium or low')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'critical, high, medium or low')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'd')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'description')
            [CompletionResult]::new('--parent', '--parent', [CompletionResultType]::ParameterName, 'The parent item (it must exist)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'a')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'assignee')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'When it is due: a date, RFC 3339, a time ahead (+3d), today or tomorrow')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;start' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'reason')
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;claim' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Claim for this actor [default: --actor, JERRY_ACTOR, the actor setting, else user]')
            [CompletionResult]::new('--lease', '--lease', [CompletionResultType]::ParameterName, 'Hold the item this long after each of your writes to it (30s, 15m, 2h, 1d); without it the claim lasts until released, finished or reassigned')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only items of this type (repeatable)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only items of this type (repeatable)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only items of this priority (repeatable)')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Only items of this priority (repeatable)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Only items assigned to WHO; `none` for unassigned items')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Only items assigned to WHO; `none` for unassigned items')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Only items with this label (repeatable: all of them)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only items whose title, description or a comment contains TEXT (any case)')
            [CompletionResult]::new('--due-before', '--due-before', [CompletionResultType]::ParameterName, 'Only items due before TIME (a date, RFC 3339, +3d, tomorrow, …)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Print only these fields of each item, in this order (id,title,status,…); a field an item lacks is null. Applies to every format (the table gets these columns)')
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--overdue', '--overdue', [CompletionResultType]::ParameterName, 'Only open items whose due date has passed')
            [CompletionResult]::new('--conflicts', '--conflicts', [CompletionResultType]::ParameterName, 'Only items with open conflicts (events merged from another clone that did not fit)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;release' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'reason')
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Release it even though someone else holds a live claim on it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;complete' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'reason')
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;cancel' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'reason')
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;reopen' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'reason')
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;block' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Why the item is blocked')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the item is blocked')
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;status' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'reason')
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;priority' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'reason')
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;assign' {
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--none', '--none', [CompletionResultType]::ParameterName, 'Unassign the item instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;due' {
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--none', '--none', [CompletionResultType]::ParameterName, 'Remove the due date')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;depend' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'blocks, blocked_by or related')
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;undepend' {
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;edit' {
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'The new title')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'The new description ("" removes it)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'The new description ("" removes it)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The new type: epic, story, task, subtask, bug or spike (it must still rank below its parent and above its children)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'The new type: epic, story, task, subtask, bug or spike (it must still rank below its parent and above its children)')
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;label' {
            [CompletionResult]::new('--add', '--add', [CompletionResultType]::ParameterName, 'A label to add (repeatable): 1 to 50 characters, no spaces')
            [CompletionResult]::new('--remove', '--remove', [CompletionResultType]::ParameterName, 'A label to remove (repeatable)')
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;comment' {
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;list' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Only items with this status (repeatable); `open` is pending, in_progress or blocked, `closed` is done or cancelled [default: open, unless --all]')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only items with this status (repeatable); `open` is pending, in_progress or blocked, `closed` is done or cancelled [default: open, unless --all]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only items of this type (repeatable)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only items of this type (repeatable)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only items of this priority (repeatable)')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Only items of this priority (repeatable)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Only items assigned to WHO; `none` for unassigned items')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Only items assigned to WHO; `none` for unassigned items')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Only items with this label (repeatable: all of them)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only items whose title, description or a comment contains TEXT (any case)')
            [CompletionResult]::new('--due-before', '--due-before', [CompletionResultType]::ParameterName, 'Only items due before TIME (a date, RFC 3339, +3d, tomorrow, …)')
            [CompletionResult]::new('--parent', '--parent', [CompletionResultType]::ParameterName, 'Only children of this item')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order by priority, created, updated, due, id or status [default: id]; ties by id')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N items; stderr says how many were left out')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'List the items as they were at TIME')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Print only these fields of each item, in this order (id,title,status,…); a field an item lacks is null. Applies to every format (the table gets these columns)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Closed items too (done, cancelled): without it or a --status, the list is open work (--status, when given, says which)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Closed items too (done, cancelled): without it or a --status, the list is open work (--status, when given, says which)')
            [CompletionResult]::new('--overdue', '--overdue', [CompletionResultType]::ParameterName, 'Only open items whose due date has passed')
            [CompletionResult]::new('--conflicts', '--conflicts', [CompletionResultType]::ParameterName, 'Only items with open conflicts (events merged from another clone that did not fit)')
            [CompletionResult]::new('--reverse', '--reverse', [CompletionResultType]::ParameterName, 'Reverse the order')
            [CompletionResult]::new('--archived', '--archived', [CompletionResultType]::ParameterName, 'Include archived items (see jerry archive); --at always does')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;show' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Show the item as it was at TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, yesterday)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Print only these fields of each item, in this order (id,title,status,…); a field an item lacks is null. Applies to every format (the table gets these columns)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;history' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;parent' {
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--none', '--none', [CompletionResultType]::ParameterName, 'Remove the parent: the item goes to the top')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;metrics' {
            [CompletionResult]::new('--coverage', '--coverage', [CompletionResultType]::ParameterName, 'Test coverage in percent, 0 to 100')
            [CompletionResult]::new('--positive', '--positive', [CompletionResultType]::ParameterName, 'How many positive (happy-path) tests')
            [CompletionResult]::new('--negative', '--negative', [CompletionResultType]::ParameterName, 'How many negative (error-path) tests')
            [CompletionResult]::new('--edge', '--edge', [CompletionResultType]::ParameterName, 'How many edge-case tests')
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;ready' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only items of this type (repeatable)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only items of this type (repeatable)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only items of this priority (repeatable)')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Only items of this priority (repeatable)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Only items assigned to WHO; `none` for unassigned items')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Only items assigned to WHO; `none` for unassigned items')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Only items with this label (repeatable: all of them)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only items whose title, description or a comment contains TEXT (any case)')
            [CompletionResult]::new('--due-before', '--due-before', [CompletionResultType]::ParameterName, 'Only items due before TIME (a date, RFC 3339, +3d, tomorrow, …)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N items (the first N to pick)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Print only these fields of each item, in this order (id,title,status,…); a field an item lacks is null. Applies to every format (the table gets these columns)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--overdue', '--overdue', [CompletionResultType]::ParameterName, 'Only open items whose due date has passed')
            [CompletionResult]::new('--conflicts', '--conflicts', [CompletionResultType]::ParameterName, 'Only items with open conflicts (events merged from another clone that did not fit)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;blocked' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;resolve' {
            [CompletionResult]::new('--conflict', '--conflict', [CompletionResultType]::ParameterName, 'The conflict to settle: the version of the event that did not fit (items show lists them as vN)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set this value of the conflict''s field instead (none clears an optional field)')
            [CompletionResult]::new('--expected-version', '--expected-version', [CompletionResultType]::ParameterName, 'Fail with exit code 4, writing nothing, unless the item is still at this version')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Do this at most once: repeating the command with the same key writes nothing and prints the original result; the same key with other arguments is an error (exit 5)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'Keep what the item holds; the conflicting event stays not applied')
            [CompletionResult]::new('--take', '--take', [CompletionResultType]::ParameterName, 'Take what the conflicting event asked for')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;tree' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;items;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an item and print its id')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start working on items (pending or blocked → in_progress)')
            [CompletionResult]::new('claim', 'claim', [CompletionResultType]::ParameterValue, 'Take the next ready item (or the one named) for yourself, atomically')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Give items in progress back (in_progress → pending, unassigned, unclaimed)')
            [CompletionResult]::new('complete', 'complete', [CompletionResultType]::ParameterValue, 'Finish items (pending or in_progress → done)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel items (pending, in_progress or blocked → cancelled; final)')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen done items (done → in_progress; only from done)')
            [CompletionResult]::new('block', 'block', [CompletionResultType]::ParameterValue, 'Block items that are in progress; a reason is required')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Move an item to any status its current one allows')
            [CompletionResult]::new('priority', 'priority', [CompletionResultType]::ParameterValue, 'Change items'' priority')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Assign items to someone (or --none to unassign)')
            [CompletionResult]::new('due', 'due', [CompletionResultType]::ParameterValue, 'Set, move or remove an item''s due date')
            [CompletionResult]::new('depend', 'depend', [CompletionResultType]::ParameterValue, 'Record that an item depends on another')
            [CompletionResult]::new('undepend', 'undepend', [CompletionResultType]::ParameterValue, 'Remove a dependency')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an item''s title and/or description')
            [CompletionResult]::new('label', 'label', [CompletionResultType]::ParameterValue, 'Add or remove labels')
            [CompletionResult]::new('comment', 'comment', [CompletionResultType]::ParameterValue, 'Add a comment (shown by items show and items history)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List items, filtered; a table, or a JSON array with --json')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one item (now, or as it was --at a moment)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show an item''s events, oldest first')
            [CompletionResult]::new('parent', 'parent', [CompletionResultType]::ParameterValue, 'Move an item under another parent, or to the top with --none')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Record an item''s quality metrics (what a quality_gate looks for on complete)')
            [CompletionResult]::new('ready', 'ready', [CompletionResultType]::ParameterValue, 'List the work that can start now: pending items with no open blocker and no open children, by priority, then the earliest due date, then age')
            [CompletionResult]::new('blocked', 'blocked', [CompletionResultType]::ParameterValue, 'List the items that wait: on an open blocker, or blocked by hand (with the reason)')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Settle a conflict: keep what the item holds, take the other side, or set a value')
            [CompletionResult]::new('tree', 'tree', [CompletionResultType]::ParameterValue, 'Draw parents, children and dependencies as an indented tree (--json: nested objects)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jerry;items;help;create' {
            break
        }
        'jerry;items;help;start' {
            break
        }
        'jerry;items;help;claim' {
            break
        }
        'jerry;items;help;release' {
            break
        }
        'jerry;items;help;complete' {
            break
        }
        'jerry;items;help;cancel' {
            break
        }
        'jerry;items;help;reopen' {
            break
        }
        'jerry;items;help;block' {
            break
        }
        'jerry;items;help;status' {
            break
        }
        'jerry;items;help;priority' {
            break
        }
        'jerry;items;help;assign' {
            break
        }
        'jerry;items;help;due' {
            break
        }
        'jerry;items;help;depend' {
            break
        }
        'jerry;items;help;undepend' {
            break
        }
        'jerry;items;help;edit' {
            break
        }
        'jerry;items;help;label' {
            break
        }
        'jerry;items;help;comment' {
            break
        }
        'jerry;items;help;list' {
            break
        }
        'jerry;items;help;show' {
            break
        }
        'jerry;items;help;history' {
            break
        }
        'jerry;items;help;parent' {
            break
        }
        'jerry;items;help;metrics' {
            break
        }
        'jerry;items;help;ready' {
            break
        }
        'jerry;items;help;blocked' {
            break
        }
        'jerry;items;help;resolve' {
            break
        }
        'jerry;items;help;tree' {
            break
        }
        'jerry;items;help;help' {
            break
        }
        'jerry;events' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List events in global order: a table, --json (an array) or --jsonl')
            [CompletionResult]::new('follow', 'follow', [CompletionResultType]::ParameterValue, 'Print events as other processes append them, until Ctrl-C')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Rebuild the read model from the log; --verify checks it against each stream (exit 6 on a difference)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the log (or the filtered part) in global order, as JSON Lines by default')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Restore an export: keeps stream ids, versions and event ids; repeating it is a no-op')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Count events, grouped by type, stream, day or actor')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Find, within each item, an event of one type followed by one of another inside a window')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jerry;events;list' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only events of this type, e.g. StatusChanged (repeatable)')
            [CompletionResult]::new('--item', '--item', [CompletionResultType]::ParameterName, 'Only events of this item')
            [CompletionResult]::new('--stream', '--stream', [CompletionResultType]::ParameterName, 'Only events of this stream, e.g. work_item-WORK-001')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only events at or after TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, today, yesterday)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only events at or before TIME')
            [CompletionResult]::new('--correlation', '--correlation', [CompletionResultType]::ParameterName, 'Only events of one request (its correlation id)')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Only events after this global position')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Only the last N matching events')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N events; stderr says how many were left out')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--jsonl', '--jsonl', [CompletionResultType]::ParameterName, 'One JSON object per line')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;events;follow' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only events of this type, e.g. StatusChanged (repeatable)')
            [CompletionResult]::new('--item', '--item', [CompletionResultType]::ParameterName, 'Only events of this item')
            [CompletionResult]::new('--stream', '--stream', [CompletionResultType]::ParameterName, 'Only events of this stream, e.g. work_item-WORK-001')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only events at or after TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, today, yesterday)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only events at or before TIME')
            [CompletionResult]::new('--correlation', '--correlation', [CompletionResultType]::ParameterName, 'Only events of one request (its correlation id)')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Start after this global position')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--from-start', '--from-start', [CompletionResultType]::ParameterName, 'Start from the first event instead of from now')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;events;replay' {
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Replay only up to TIME')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check the rebuilt state against each item''s own stream; exit 6 on any difference')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;events;export' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only events of this type, e.g. StatusChanged (repeatable)')
            [CompletionResult]::new('--item', '--item', [CompletionResultType]::ParameterName, 'Only events of this item')
            [CompletionResult]::new('--stream', '--stream', [CompletionResultType]::ParameterName, 'Only events of this stream, e.g. work_item-WORK-001')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only events at or after TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, today, yesterday)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only events at or before TIME')
            [CompletionResult]::new('--correlation', '--correlation', [CompletionResultType]::ParameterName, 'Only events of one request (its correlation id)')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Only events after this global position')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE (atomically: a temp file renamed into place) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE (atomically: a temp file renamed into place) instead of stdout')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;events;import' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;events;stats' {
            [CompletionResult]::new('--group-by', '--group-by', [CompletionResultType]::ParameterName, 'group-by')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only events of this type, e.g. StatusChanged (repeatable)')
            [CompletionResult]::new('--item', '--item', [CompletionResultType]::ParameterName, 'Only events of this item')
            [CompletionResult]::new('--stream', '--stream', [CompletionResultType]::ParameterName, 'Only events of this stream, e.g. work_item-WORK-001')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only events at or after TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, today, yesterday)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only events at or before TIME')
            [CompletionResult]::new('--correlation', '--correlation', [CompletionResultType]::ParameterName, 'Only events of one request (its correlation id)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;events;query' {
            [CompletionResult]::new('--within', '--within', [CompletionResultType]::ParameterName, 'The longest gap between the two events (30s, 5m, 2h, 1d)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only events of this type, e.g. StatusChanged (repeatable)')
            [CompletionResult]::new('--item', '--item', [CompletionResultType]::ParameterName, 'Only events of this item')
            [CompletionResult]::new('--stream', '--stream', [CompletionResultType]::ParameterName, 'Only events of this stream, e.g. work_item-WORK-001')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only events at or after TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, today, yesterday)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only events at or before TIME')
            [CompletionResult]::new('--correlation', '--correlation', [CompletionResultType]::ParameterName, 'Only events of one request (its correlation id)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;events;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List events in global order: a table, --json (an array) or --jsonl')
            [CompletionResult]::new('follow', 'follow', [CompletionResultType]::ParameterValue, 'Print events as other processes append them, until Ctrl-C')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Rebuild the read model from the log; --verify checks it against each stream (exit 6 on a difference)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the log (or the filtered part) in global order, as JSON Lines by default')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Restore an export: keeps stream ids, versions and event ids; repeating it is a no-op')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Count events, grouped by type, stream, day or actor')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Find, within each item, an event of one type followed by one of another inside a window')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jerry;events;help;list' {
            break
        }
        'jerry;events;help;follow' {
            break
        }
        'jerry;events;help;replay' {
            break
        }
        'jerry;events;help;export' {
            break
        }
        'jerry;events;help;import' {
            break
        }
        'jerry;events;help;stats' {
            break
        }
        'jerry;events;help;query' {
            break
        }
        'jerry;events;help;help' {
            break
        }
        'jerry;config' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one setting as it takes effect (a flag or its environment variable, else config.toml, else the default); --json adds where it comes from')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one setting')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove one setting from config.toml (it falls back to its default)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Print every setting as it takes effect and where its value comes from')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the project''s config.toml')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jerry;config;get' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;config;set' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;config;unset' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;config;list' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;config;path' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;config;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one setting as it takes effect (a flag or its environment variable, else config.toml, else the default); --json adds where it comes from')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one setting')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove one setting from config.toml (it falls back to its default)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Print every setting as it takes effect and where its value comes from')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the project''s config.toml')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jerry;config;help;get' {
            break
        }
        'jerry;config;help;set' {
            break
        }
        'jerry;config;help;unset' {
            break
        }
        'jerry;config;help;list' {
            break
        }
        'jerry;config;help;path' {
            break
        }
        'jerry;config;help;help' {
            break
        }
        'jerry;projects' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the workspace''s projects with their item and event counts')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a project (the same as jerry init)')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a project the workspace''s default: used when no --project or JERRY_PROJECT names one')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one project: where it lives, its counts and settings')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jerry;projects;list' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;projects;create' {
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;projects;use' {
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;projects;show' {
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;projects;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the workspace''s projects with their item and event counts')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a project (the same as jerry init)')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a project the workspace''s default: used when no --project or JERRY_PROJECT names one')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one project: where it lives, its counts and settings')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jerry;projects;help;list' {
            break
        }
        'jerry;projects;help;create' {
            break
        }
        'jerry;projects;help;use' {
            break
        }
        'jerry;projects;help;show' {
            break
        }
        'jerry;projects;help;help' {
            break
        }
        'jerry;store' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create or upgrade the store''s schema (PostgreSQL needs this once; files and SQLite set themselves up). Safe to run again, from several machines at once')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Show which backend the project uses, where, and how much it holds')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy every event of the project to another store, keeping ids, versions and positions; resumable, and verified by counts and a content hash at the end')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jerry;store;init' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;store;info' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;store;migrate' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The store to copy into: jsonl, sqlite:<path> or postgres://user@host/database')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;store;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create or upgrade the store''s schema (PostgreSQL needs this once; files and SQLite set themselves up). Safe to run again, from several machines at once')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Show which backend the project uses, where, and how much it holds')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy every event of the project to another store, keeping ids, versions and positions; resumable, and verified by counts and a content hash at the end')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jerry;store;help;init' {
            break
        }
        'jerry;store;help;info' {
            break
        }
        'jerry;store;help;migrate' {
            break
        }
        'jerry;store;help;help' {
            break
        }
        'jerry;undo' {
            [CompletionResult]::new('--correlation', '--correlation', [CompletionResultType]::ParameterName, 'The correlation id of the command to take back (events list shows them) [default: the last command written by this actor]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;redo' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;doctor' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--repair', '--repair', [CompletionResultType]::ParameterName, 'Fix what is safe to fix')
            [CompletionResult]::new('--accept-loss', '--accept-loss', [CompletionResultType]::ParameterName, 'With --repair: give up events no stream holds any more (removed outside jerry), noting them in .jerry/quarantine/, and number what is left again')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;archive' {
            [CompletionResult]::new('--closed-before', '--closed-before', [CompletionResultType]::ParameterName, 'Archive work finished before this moment: a date, RFC 3339, or an age such as 90d')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would be archived; move nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;completions' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;ids' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--projects', '--projects', [CompletionResultType]::ParameterName, 'Project ids instead of item ids')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;man' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Where to write the pages')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;mcp' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;sync' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be sent and received; change nothing here or there')
            [CompletionResult]::new('--install-merge-driver', '--install-merge-driver', [CompletionResultType]::ParameterName, 'Instead of syncing: make `git merge` merge committed event files by jerry''s rule (writes .gitattributes here and the driver into the repository''s git config)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;serve' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'The port (0: any free one)')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Listen on this address instead of 127.0.0.1 (reachable by others: needs --token)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The write token (default: a new random one per server, carried by the page)')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Another name (or address) the board answers to in `Host`, e.g. the machine''s LAN address or host name with --listen (repeatable)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Open the board in the default browser')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;merge-driver' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;generate' {
            [CompletionResult]::new('--items', '--items', [CompletionResultType]::ParameterName, 'How many items to add')
            [CompletionResult]::new('--events-per-item', '--events-per-item', [CompletionResultType]::ParameterName, 'Events per item: a creation, then reassignments')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print data: table (for people), json, jsonl (one object per line) or toon (compact, for LLM agents)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is making the change, recorded in each event''s metadata [default: the project''s actor setting, else user]. In events commands, typed on the command line, it keeps only that actor''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables: auto (a terminal without NO_COLOR), always or never')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Correlation id recorded on this command''s events [default: a new id per command]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for another writer''s lock before failing with exit code 1 [default: the project''s lock_timeout setting, else 5]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where events live: jsonl (files in the project, the default), sqlite:<path> or postgres://user@host/database [default: the project''s store setting, else jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for --format json, and wins over any other format')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the data: no notes, no confirmations of writes (errors still go to stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending in …; output that is not a terminal is never cut)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'jerry;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a project (PROJ-001 by default, else the next free number)')
            [CompletionResult]::new('items', 'items', [CompletionResultType]::ParameterValue, 'Create, change and inspect work items')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'Read, watch, move and check the whole event log, in its one global order')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read and change the project''s settings (.jerry/config.toml)')
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'List, create and inspect projects')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Set up a store, see where events live, and move them between backends')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Take back your last command (or the one named), with its policies'' reactions, by appending compensating events; run again, the one before it')
            [CompletionResult]::new('redo', 'redo', [CompletionResultType]::ParameterValue, 'Re-apply what your last undo took back')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the project''s files and read model; --repair fixes what is safe (exit 6 if problems remain)')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Move finished work out of the live log into a compressed archive segment')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('ids', 'ids', [CompletionResultType]::ParameterValue, 'Print item ids (or, with --projects, project ids), one per line, for shell completion')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write the man pages (jerry.1 and one per subcommand) into DIR')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the Model Context Protocol on stdin/stdout, for agent hosts (see README, "Agents")')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Exchange the project''s events with a git remote, so every clone that syncs converges')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the live board and its JSON API on 127.0.0.1 until Ctrl-C')
            [CompletionResult]::new('merge-driver', 'merge-driver', [CompletionResultType]::ParameterValue, 'The git merge driver for committed event files (git runs it; see sync --install-merge-driver)')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Build a synthetic project for benchmarks (not a user command)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'jerry;help;init' {
            break
        }
        'jerry;help;items' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an item and print its id')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start working on items (pending or blocked → in_progress)')
            [CompletionResult]::new('claim', 'claim', [CompletionResultType]::ParameterValue, 'Take the next ready item (or the one named) for yourself, atomically')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Give items in progress back (in_progress → pending, unassigned, unclaimed)')
            [CompletionResult]::new('complete', 'complete', [CompletionResultType]::ParameterValue, 'Finish items (pending or in_progress → done)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel items (pending, in_progress or blocked → cancelled; final)')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen done items (done → in_progress; only from done)')
            [CompletionResult]::new('block', 'block', [CompletionResultType]::ParameterValue, 'Block items that are in progress; a reason is required')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Move an item to any status its current one allows')
            [CompletionResult]::new('priority', 'priority', [CompletionResultType]::ParameterValue, 'Change items'' priority')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Assign items to someone (or --none to unassign)')
            [CompletionResult]::new('due', 'due', [CompletionResultType]::ParameterValue, 'Set, move or remove an item''s due date')
            [CompletionResult]::new('depend', 'depend', [CompletionResultType]::ParameterValue, 'Record that an item depends on another')
            [CompletionResult]::new('undepend', 'undepend', [CompletionResultType]::ParameterValue, 'Remove a dependency')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an item''s title and/or description')
            [CompletionResult]::new('label', 'label', [CompletionResultType]::ParameterValue, 'Add or remove labels')
            [CompletionResult]::new('comment', 'comment', [CompletionResultType]::ParameterValue, 'Add a comment (shown by items show and items history)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List items, filtered; a table, or a JSON array with --json')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one item (now, or as it was --at a moment)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show an item''s events, oldest first')
            [CompletionResult]::new('parent', 'parent', [CompletionResultType]::ParameterValue, 'Move an item under another parent, or to the top with --none')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Record an item''s quality metrics (what a quality_gate looks for on complete)')
            [CompletionResult]::new('ready', 'ready', [CompletionResultType]::ParameterValue, 'List the work that can start now: pending items with no open blocker and no open children, by priority, then the earliest due date, then age')
            [CompletionResult]::new('blocked', 'blocked', [CompletionResultType]::ParameterValue, 'List the items that wait: on an open blocker, or blocked by hand (with the reason)')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Settle a conflict: keep what the item holds, take the other side, or set a value')
            [CompletionResult]::new('tree', 'tree', [CompletionResultType]::ParameterValue, 'Draw parents, children and dependencies as an indented tree (--json: nested objects)')
            break
        }
        'jerry;help;items;create' {
            break
        }
        'jerry;help;items;start' {
            break
        }
        'jerry;help;items;claim' {
            break
        }
        'jerry;help;items;release' {
            break
        }
        'jerry;help;items;complete' {
            break
        }
        'jerry;help;items;cancel' {
            break
        }
        'jerry;help;items;reopen' {
            break
        }
        'jerry;help;items;block' {
            break
        }
        'jerry;help;items;status' {
            break
        }
        'jerry;help;items;priority' {
            break
        }
        'jerry;help;items;assign' {
            break
        }
        'jerry;help;items;due' {
            break
        }
        'jerry;help;items;depend' {
            break
        }
        'jerry;help;items;undepend' {
            break
        }
        'jerry;help;items;edit' {
            break
        }
        'jerry;help;items;label' {
            break
        }
        'jerry;help;items;comment' {
            break
        }
        'jerry;help;items;list' {
            break
        }
        'jerry;help;items;show' {
            break
        }
        'jerry;help;items;history' {
            break
        }
        'jerry;help;items;parent' {
            break
        }
        'jerry;help;items;metrics' {
            break
        }
        'jerry;help;items;ready' {
            break
        }
        'jerry;help;items;blocked' {
            break
        }
        'jerry;help;items;resolve' {
            break
        }
        'jerry;help;items;tree' {
            break
        }
        'jerry;help;events' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List events in global order: a table, --json (an array) or --jsonl')
            [CompletionResult]::new('follow', 'follow', [CompletionResultType]::ParameterValue, 'Print events as other processes append them, until Ctrl-C')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Rebuild the read model from the log; --verify checks it against each stream (exit 6 on a difference)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the log (or the filtered part) in global order, as JSON Lines by default')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Restore an export: keeps stream ids, versions and event ids; repeating it is a no-op')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Count events, grouped by type, stream, day or actor')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Find, within each item, an event of one type followed by one of another inside a window')
            break
        }
        'jerry;help;events;list' {
            break
        }
        'jerry;help;events;follow' {
            break
        }
        'jerry;help;events;replay' {
            break
        }
        'jerry;help;events;export' {
            break
        }
        'jerry;help;events;import' {
            break
        }
        'jerry;help;events;stats' {
            break
        }
        'jerry;help;events;query' {
            break
        }
        'jerry;help;config' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one setting as it takes effect (a flag or its environment variable, else config.toml, else the default); --json adds where it comes from')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one setting')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove one setting from config.toml (it falls back to its default)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Print every setting as it takes effect and where its value comes from')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the project''s config.toml')
            break
        }
        'jerry;help;config;get' {
            break
        }
        'jerry;help;config;set' {
            break
        }
        'jerry;help;config;unset' {
            break
        }
        'jerry;help;config;list' {
            break
        }
        'jerry;help;config;path' {
            break
        }
        'jerry;help;projects' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the workspace''s projects with their item and event counts')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a project (the same as jerry init)')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a project the workspace''s default: used when no --project or JERRY_PROJECT names one')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one project: where it lives, its counts and settings')
            break
        }
        'jerry;help;projects;list' {
            break
        }
        'jerry;help;projects;create' {
            break
        }
        'jerry;help;projects;use' {
            break
        }
        'jerry;help;projects;show' {
            break
        }
        'jerry;help;store' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create or upgrade the store''s schema (PostgreSQL needs this once; files and SQLite set themselves up). Safe to run again, from several machines at once')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Show which backend the project uses, where, and how much it holds')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy every event of the project to another store, keeping ids, versions and positions; resumable, and verified by counts and a content hash at the end')
            break
        }
        'jerry;help;store;init' {
            break
        }
        'jerry;help;store;info' {
            break
        }
        'jerry;help;store;migrate' {
            break
        }
        'jerry;help;undo' {
            break
        }
        'jerry;help;redo' {
            break
        }
        'jerry;help;doctor' {
            break
        }
        'jerry;help;archive' {
            break
        }
        'jerry;help;completions' {
            break
        }
        'jerry;help;ids' {
            break
        }
        'jerry;help;man' {
            break
        }
        'jerry;help;mcp' {
            break
        }
        'jerry;help;sync' {
            break
        }
        'jerry;help;serve' {
            break
        }
        'jerry;help;merge-driver' {
            break
        }
        'jerry;help;generate' {
            break
        }
        'jerry;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
