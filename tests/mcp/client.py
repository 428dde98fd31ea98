"""jerry's MCP server, driven end to end by a client no one here wrote: the official
Python SDK (`pip install mcp`) and its stdio client. Run by tests/mcp.rs:

    python3 tests/mcp/client.py JERRY_BINARY WORKSPACE

It lists the tools, calls each one, checks the answers, and prints one JSON summary line
(the tool names, the size of the tools/list answer, the writes it made) for the Rust side
to check against the CLI. Any failed check exits non-zero with the reason.
"""

import asyncio
import json
import os
import sys

from mcp import ClientSession, StdioServerParameters, types
from mcp.client.stdio import stdio_client

TOOLS = ["claim", "comment", "create", "depend", "events_since", "list", "prime", "ready", "release",
         "resolve", "show", "undo", "update"]


def enum_of(tools, tool, argument):
    """The words a tool's schema allows for an argument (or for each element of a list)."""
    prop = tools[tool]["inputSchema"]["properties"][argument]
    return prop.get("enum") or prop.get("items", {}).get("enum")


def check(condition, what):
    if not condition:
        raise SystemExit(f"check failed: {what}")


def is_error(result):
    """The SDK's flag for a tool error (`is_error` in 2.x, `isError` before)."""
    return bool(getattr(result, "is_error", getattr(result, "isError", False)))


def answer(result):
    """The JSON a tool answered, and whether it was a tool error."""
    text = result.content[0].text
    return json.loads(text), is_error(result)


async def call(session, name, **arguments):
    value, failed = answer(await session.call_tool(name, arguments))
    check(not failed, f"{name}({arguments}) failed: {value}")
    return value


async def main(jerry, workspace):
    env = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "")}
    for var in ("JERRY_STORE", "JERRY_TEST_TIMESTAMP", "JERRY_TEST_SEED"):
        if var in os.environ:
            env[var] = os.environ[var]
    server = StdioServerParameters(command=jerry, args=["--root", workspace, "mcp"], env=env, cwd=workspace)
    info = types.Implementation(name="python-e2e", version="1.0")
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write, client_info=info) as session:
            await session.initialize()
            listed = await session.list_tools()
            names = sorted(tool.name for tool in listed.tools)
            check(names == TOOLS, f"the tools are {names}")
            dumped = listed.model_dump(mode="json", exclude_none=True, by_alias=True)
            tools_json = json.dumps(dumped)
            tools = {tool["name"]: tool for tool in dumped["tools"]}
            # Every closed vocabulary is an enum a host can check before sending.
            work_types = ["epic", "story", "task", "subtask", "bug", "spike"]
            priorities = ["critical", "high", "medium", "low"]
            for tool in ["ready", "list", "claim", "create"]:
                check(enum_of(tools, tool, "type") == work_types, f"{tool}.type enum")
            for tool in ["ready", "list", "create", "update"]:
                check(enum_of(tools, tool, "priority") == priorities, f"{tool}.priority enum")
            check(enum_of(tools, "list", "status") == ["pending", "in_progress", "blocked", "done", "cancelled",
                                                       "deleted", "open", "closed"], "list.status enum")
            check(enum_of(tools, "update", "status") == ["pending", "in_progress", "blocked", "done", "cancelled"],
                  "update.status enum")
            check(enum_of(tools, "list", "sort") == ["priority", "created", "updated", "due", "id", "status"],
                  "list.sort enum")
            check(enum_of(tools, "depend", "type") == ["blocks", "blocked_by", "related"], "depend.type enum")
            check(enum_of(tools, "resolve", "decision") == ["keep", "take"], "resolve.decision enum")
            check(sorted(tools["resolve"]["inputSchema"]["required"]) == ["decision", "id"], "resolve requires")
            update_schema = tools["update"]["inputSchema"]
            check(update_schema["if"]["properties"]["status"] == {"const": "blocked"}
                  and update_schema["then"] == {"required": ["reason"]}, f"blocking needs a reason: {update_schema}")
            for name, tool in tools.items():
                check(tool.get("description"), f"{name} says when to use it")

            first = await call(session, "create", title="Write the parser", priority="high")
            check(first["id"] == "WORK-001" and first["status"] == "pending", f"created {first}")
            second = await call(session, "create", title="Ship it", idempotency_key="ship-1")
            again = await call(session, "create", title="Ship it", idempotency_key="ship-1")
            check(again["id"] == second["id"] and again.get("replayed") is True, f"repeat {again}")
            await call(session, "depend", id="2", on="1")

            ready = await call(session, "ready", fields=["id", "title"])
            check(ready == {"items": [{"id": "WORK-001", "title": "Write the parser"}], "total": 1}, f"ready {ready}")

            claimed = await call(session, "claim", lease="30m")
            check(claimed["id"] == "WORK-001", f"claimed {claimed}")
            check(claimed["assignee"] == "python-e2e", f"the client's name is the actor: {claimed}")
            check(claimed["claim"]["lease_seconds"] == 1800, f"lease {claimed}")

            # A conflict is a tool error with jerry's message and kind, not a crash.
            value, failed = answer(await session.call_tool(
                "update", {"id": "1", "status": "done", "expected_version": 1}))
            check(failed and value["error"]["kind"] == "conflict" and value["error"]["code"] == 4,
                  f"stale update {value}")
            value, failed = answer(await session.call_tool("show", {"id": "WORK-404"}))
            check(failed and value["error"]["kind"] == "not_found", f"missing {value}")
            value, failed = answer(await session.call_tool("update", {"id": "1", "priority": "urgent"}))
            check(failed and value["error"]["kind"] == "invalid_input", f"bad priority {value}")

            bad_priority = value["error"]["message"]
            value, failed = answer(await session.call_tool("list", {"status": "opne"}))
            check(failed and value["error"]["code"] == 5, f"bad status {value}")
            bad_status = value["error"]["message"]
            # An argument the tool does not take, or one missing, is jerry's usage error
            # naming it, as the command line's is.
            value, failed = answer(await session.call_tool("show", {"id": "1", "bogus": 1}))
            check(failed and value["error"]["code"] == 2
                  and value["error"]["message"] == "unexpected argument 'bogus' for show (it takes id, history)",
                  f"unknown argument {value}")
            value, failed = answer(await session.call_tool("comment", {"id": "1"}))
            check(failed and value["error"]["message"] == "comment needs 'text'", f"missing argument {value}")
            value, failed = answer(await session.call_tool("list", {"limit": "ten"}))
            check(failed and value["error"]["code"] == 5 and "'limit'" in value["error"]["message"],
                  f"a value of the wrong shape {value}")
            value, failed = answer(await session.call_tool("update", {"id": "1", "status": "blocked"}))
            check(failed and "reason is required" in value["error"]["message"], f"blocked without reason {value}")
            # An unknown tool gets a JSON-RPC error (or a tool error), and the server keeps serving.
            try:
                result = await session.call_tool("no_such_tool", {})
                check(is_error(result), f"no_such_tool was accepted: {result}")
            except Exception:  # the SDK raises McpError for a JSON-RPC error
                pass

            updated = await call(session, "update", id="1", status="done", add_labels=["parser"],
                                 priority="critical", expected_version=claimed["version"])
            check(updated["status"] == "done" and updated["labels"] == ["parser"]
                  and updated["priority"] == "critical", f"updated {updated}")
            # done (StatusChanged + WorkItemCompleted), the priority and the label: one write.
            check(updated["version"] == claimed["version"] + 4, f"one write of four events: {updated}")
            await call(session, "comment", id="2", text="unblocked now")

            shown = await call(session, "show", id="2", history=True)
            check(shown["blocked_by"] == ["WORK-001"], f"links {shown}")
            check([e["type"] for e in shown["history"]] == ["WorkItemCreated", "DependencyAdded", "CommentAdded"],
                  f"history {shown['history']}")
            listed_items = await call(session, "list", status=["closed"], fields=["id"])
            check(listed_items == {"items": [{"id": "WORK-001"}], "total": 1}, f"list {listed_items}")
            # One value where a list is taken reads as a list of one.
            one = await call(session, "list", status="closed", fields=["id"])
            check(one == listed_items, f"list with one status {one}")
            await call(session, "update", id="2", due="2020-01-01")
            overdue = await call(session, "list", overdue=True, fields=["id", "due"])
            check(overdue == {"items": [{"id": "WORK-002", "due": "2020-01-01T00:00:00.000000Z"}], "total": 1},
                  f"overdue {overdue}")

            # Open, as one word: the three open statuses.
            open_items = await call(session, "list", status="open", fields=["id"])
            check(open_items == {"items": [{"id": "WORK-002"}], "total": 1}, f"open {open_items}")

            # Labels on create; a claim released; a change undone.
            labelled = await call(session, "create", title="Polish the UI", labels=["ui", "polish"], type="bug")
            check(labelled["labels"] == ["polish", "ui"] or labelled["labels"] == ["ui", "polish"],
                  f"labels on create {labelled}")
            mine = await call(session, "claim", id=labelled["id"])
            check(mine["status"] == "in_progress", f"claimed {mine}")
            released = await call(session, "release", id=labelled["id"])
            check(released["status"] == "pending" and released.get("assignee") is None, f"released {released}")
            await call(session, "update", id=labelled["id"], priority="low")
            undone = await call(session, "undo")
            check(undone["events"], f"undo took something back {undone}")
            shown_back = await call(session, "show", id=labelled["id"])
            check(shown_back["priority"] == "medium", f"the priority change was undone {shown_back}")
            value, failed = answer(await session.call_tool("resolve", {"id": labelled["id"], "decision": "keep"}))
            check(failed and value["error"]["code"] == 5, f"resolve without a conflict {value}")
            no_conflict = value["error"]["message"]
            value, failed = answer(await session.call_tool("resolve", {"id": labelled["id"], "decision": "mine"}))
            check(failed and "'decision'" in value["error"]["message"], f"bad decision {value}")

            # The prime, as TOON text an agent reads: its sections and the tools to call.
            primed = await session.call_tool("prime", {})
            check(not is_error(primed), f"prime failed {primed}")
            prime_text = primed.content[0].text
            check("next" in prime_text and labelled["id"] in prime_text and "claim" in prime_text,
                  f"prime {prime_text}")
            check(len(prime_text) <= 1500 * 4, f"prime over its budget: {len(prime_text)}")
            value, failed = answer(await session.call_tool("prime", {"max_tokens": 5}))
            check(failed and "max_tokens 5 is too small" in value["error"]["message"], f"tiny prime {value}")

            caught_up = await call(session, "events_since", after=0, limit=3)
            check([e["position"] for e in caught_up["events"]] == [1, 2, 3] and caught_up["more"],
                  f"events {caught_up}")
            rest = await call(session, "events_since", after=caught_up["next"])
            check(not rest["more"] and rest["events"], f"rest {rest}")
            head = rest["next"]

    print(json.dumps({
        "tools": names,
        "tools_list_chars": len(tools_json),
        "errors": {"bad_priority": bad_priority, "bad_status": bad_status, "no_conflict": no_conflict},
        "labelled": labelled["id"],
        "head": head,
    }))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
