"""Drives our C# kernel with jupyter_client (Debian python3-jupyter-client), a client nobody here wrote.

Usage: conformance.py KERNEL_NAME GROUP   (GROUP: protocol | faults | restart | signal)
Prints one JSON list of {"test", "ok", "detail"} on stdout; exit code 0 when all passed.
The kernelspec is found through JUPYTER_PATH (a temp folder the C# test wrote).
"""
import json, queue, signal as posix_signal, sys, time, uuid

import zmq
from jupyter_client.manager import start_new_kernel

results = []


def check(name, ok, detail=""):
    results.append({"test": name, "ok": bool(ok), "detail": str(detail)[:600]})


def collect(kc, msg_id, timeout=30):
    """IOPub messages whose parent is msg_id, up to and including its idle."""
    out, deadline = [], time.time() + timeout
    while time.time() < deadline:
        try:
            m = kc.get_iopub_msg(timeout=1)
        except queue.Empty:
            continue
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        out.append(m)
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    return out


def wait_for_output(kc, msg_id, text, timeout=60):
    """Reads IOPub until msg_id's cell has printed text: the cell is running (compiled and started), not starting."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            m = kc.get_iopub_msg(timeout=1)
        except queue.Empty:
            continue
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "stream" and text in m["content"]["text"]:
            return True
    return False


def shell_reply(kc, msg_id, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            m = kc.get_shell_msg(timeout=1)
        except queue.Empty:
            continue
        if m["parent_header"].get("msg_id") == msg_id:
            return m
    raise TimeoutError(f"no shell reply to {msg_id} within {timeout} s")


def run(kc, code, timeout=60, **kw):
    msg_id = kc.execute(code, **kw)
    reply = shell_reply(kc, msg_id, timeout)
    return reply, collect(kc, msg_id, timeout)


def drain(kc):
    while True:
        try:
            kc.get_iopub_msg(timeout=0.3)
        except queue.Empty:
            return


def shell_messages(kc):
    got = []
    while True:
        try:
            got.append(kc.get_shell_msg(timeout=0.5))
        except queue.Empty:
            return got


def of(msgs, msg_type):
    return [m for m in msgs if m["msg_type"] == msg_type]


def protocol(km, kc):
    info = kc.kernel_info(reply=True, timeout=10)
    c = info["content"]
    check("kernel_info.reply", c["status"] == "ok" and c["protocol_version"].startswith("5.") and c["language_info"]["name"] == "C#", c)
    h = info["header"]
    check("header.fields", h["version"].startswith("5.") and isinstance(h["username"], str) and not isinstance(h["date"], str), h)

    # kernel_info on control, with busy/idle parented to it.
    msg = kc.session.msg("kernel_info_request", {})
    kc.session.send(kc.control_channel.socket, msg)
    reply = kc.get_control_msg(timeout=10)
    statuses = [m["content"]["execution_state"] for m in collect(kc, msg["header"]["msg_id"], 10) if m["msg_type"] == "status"]
    check("control.kernel_info", reply["msg_type"] == "kernel_info_reply" and statuses == ["busy", "idle"], (reply["msg_type"], statuses))

    reply, msgs = run(kc, "1+1")
    types = [m["msg_type"] for m in msgs]
    n = reply["content"]["execution_count"]
    check("execute.order", types == ["status", "execute_input", "execute_result", "status"], types)
    result = of(msgs, "execute_result")[0]["content"]
    check("execute.result", result["data"]["text/plain"] == "2" and result["execution_count"] == n and reply["content"]["status"] == "ok", (result, reply["content"]))

    reply, msgs = run(kc, "var x = 5;")
    check("execute.counter", reply["content"]["execution_count"] == n + 1 and not of(msgs, "execute_result"), (reply["content"], [m["msg_type"] for m in msgs]))
    reply, msgs = run(kc, "x * 2")
    check("execute.state", of(msgs, "execute_result")[0]["content"]["data"]["text/plain"] == "10", msgs)

    reply, msgs = run(kc, "Console.WriteLine(\"a 😀é\"); Console.Error.WriteLine(\"b\");")
    streams = [(m["content"]["name"], m["content"]["text"]) for m in of(msgs, "stream")]
    check("stream.stdout_stderr", streams == [("stdout", "a 😀é\n"), ("stderr", "b\n")], streams)

    reply, msgs = run(kc, "for (var i = 0; i < 20000; i++) Console.WriteLine(i);", timeout=120)
    text = "".join(m["content"]["text"] for m in of(msgs, "stream"))
    check("stream.20000_lines", text == "".join(f"{i}\n" for i in range(20000)), f"{len(text)} chars in {len(of(msgs, 'stream'))} messages")

    reply, msgs = run(kc, "display(HTML(\"<b>bold</b>\")); var h = display(\"first\"); h.Update(\"second\");")
    displays = of(msgs, "display_data")
    updates = of(msgs, "update_display_data")
    check("display.html", displays and displays[0]["content"]["data"].get("text/html") == "<b>bold</b>" and "text/plain" in displays[0]["content"]["data"], displays)
    ids = [d["content"].get("transient", {}).get("display_id") for d in displays[1:]]
    check("display.update", len(updates) == 1 and ids and updates[0]["content"]["transient"]["display_id"] == ids[0]
          and updates[0]["content"]["data"]["text/plain"] == "second", (ids, updates))

    reply, msgs = run(kc, "throw new InvalidOperationException(\"boom\");")
    err = of(msgs, "error")
    c = reply["content"]
    check("error.runtime", c["status"] == "error" and c["ename"] == "System.InvalidOperationException" and c["evalue"] == "boom"
          and isinstance(c["traceback"], list) and err and err[0]["content"]["ename"] == c["ename"] and msgs[-1]["content"]["execution_state"] == "idle", (c, err))
    reply, msgs = run(kc, "int y = \"text\";")
    check("error.compile", reply["content"]["status"] == "error" and any("CS0029" in line for line in reply["content"]["traceback"]), reply["content"])

    reply, msgs = run(kc, "40 + 2", silent=True)
    check("execute.silent", reply["content"]["status"] == "ok" and not of(msgs, "execute_input") and not of(msgs, "execute_result"), [m["msg_type"] for m in msgs])

    # stop_on_error: requests queued behind a failing one are aborted.
    ids = [kc.execute("System.Threading.Thread.Sleep(500); throw new Exception(\"first\");"), kc.execute("var ran = 1;"), kc.execute("2")]
    replies = [shell_reply(kc, i)["content"]["status"] for i in ids]
    check("stop_on_error.abort", replies == ["error", "aborted", "aborted"], replies)
    drain(kc)
    reply, msgs = run(kc, "ran")
    check("stop_on_error.not_run", reply["content"]["status"] == "error", reply["content"])

    c = kc.complete("Console.Wri", 11, reply=True, timeout=30)["content"]
    check("complete.member", c["status"] == "ok" and "WriteLine" in c["matches"] and c["cursor_start"] == 8 and c["cursor_end"] == 11, c)
    code = "var s = \"😀\"; s.Leng"
    c = kc.complete(code, len(code), reply=True, timeout=30)["content"]
    check("complete.code_points", "Length" in c["matches"] and c["cursor_end"] == len(code) and c["cursor_start"] == len(code) - 4, c)
    c = kc.complete("Math.Ma", 7, reply=True, timeout=30)["content"]
    check("complete.static", "Max" in c["matches"], c)
    c = kc.inspect("x", 1, reply=True, timeout=30)["content"]
    check("inspect.variable", c["status"] == "ok" and c["found"] and "int" in c["data"]["text/plain"], c)
    for code, expected in [("var a = 1;", "complete"), ("if (true) {", "incomplete"), ("var = = ;", "invalid")]:
        kc.is_complete(code)
        c = kc.get_shell_msg(timeout=10)["content"]
        check(f"is_complete.{expected}", c["status"] == expected and (expected != "incomplete" or "indent" in c), (code, c))

    c = kc.history(hist_access_type="tail", n=10, reply=True, timeout=10)["content"]
    check("history", c["status"] == "ok" and isinstance(c["history"], list), c)
    c = kc.comm_info(reply=True, timeout=10)["content"]
    check("comm_info", c == {"status": "ok", "comms": {}}, c)
    comm_id = uuid.uuid4().hex
    msg = kc.session.msg("comm_open", {"comm_id": comm_id, "target_name": "nobody", "data": {}})
    kc.shell_channel.send(msg)
    closes = [m for m in collect(kc, msg["header"]["msg_id"], 10) if m["msg_type"] == "comm_close"]
    check("comm_open.unknown_closed", closes and closes[0]["content"]["comm_id"] == comm_id, closes)

    # Heartbeat: raw bytes echoed, also while a cell runs.
    ctx = zmq.Context.instance()
    hb = ctx.socket(zmq.REQ)
    hb.linger = 0
    hb.connect(f"tcp://{km.ip}:{km.hb_port}")
    msg_id = kc.execute("System.Threading.Thread.Sleep(3000);")
    time.sleep(0.5)
    hb.send(b"ping-123")
    ok = hb.poll(2000) and hb.recv() == b"ping-123"
    check("heartbeat.while_running", ok)
    hb.close()
    shell_reply(kc, msg_id)
    drain(kc)
    check("heartbeat.channel_beating", kc.hb_channel.is_beating() if kc.hb_channel.is_alive() else True)


def faults(km, kc):
    drain(kc)
    shell_messages(kc)  # replies left from wait_for_ready's retries
    # A message with a bad signature is dropped (logged by the kernel), never executed.
    msg = kc.session.msg("execute_request", {"code": "var tampered = 1; Console.WriteLine(\"EXECUTED\");", "silent": False, "store_history": True,
                                             "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    frames = kc.session.serialize(msg)
    i = frames.index(b"<IDS|MSG>")
    frames[i + 1] = b"0" * 64
    kc.shell_channel.socket.send_multipart(frames)
    time.sleep(1.0)
    got = []
    while True:
        try:
            got.append(kc.get_iopub_msg(timeout=0.5))
        except queue.Empty:
            break
    check("bad_signature.no_reaction", not [m for m in got if m["parent_header"].get("msg_id") == msg["header"]["msg_id"]], got)
    replies = shell_messages(kc)
    check("bad_signature.no_reply", not replies, replies)
    kc.shell_channel.socket.send_multipart(frames[: i + 3])  # truncated: signature and header only
    reply, msgs = run(kc, "tampered")
    check("bad_signature.not_executed", reply["content"]["status"] == "error" and "CS0103" in "".join(reply["content"]["traceback"]), reply["content"])

    run(kc, "var keep = 41;")
    start = time.time()
    msg_id = kc.execute("while (true) { }")
    time.sleep(1.5)
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id, 30)
    msgs = collect(kc, msg_id, 10)
    check("interrupt.infinite_loop", reply["content"]["status"] == "error" and reply["content"]["ename"] == "KernelInterrupted"
          and "kept" in reply["content"]["evalue"] and msgs[-1]["content"]["execution_state"] == "idle", (reply["content"], time.time() - start))
    reply, msgs = run(kc, "keep + 1")
    check("interrupt.state_kept", reply["content"]["status"] == "ok" and of(msgs, "execute_result")[0]["content"]["data"]["text/plain"] == "42", msgs)
    msg_id = kc.execute("var total = 0L; foreach (var i in Enumerable.Range(0, int.MaxValue)) { for (var j = 0; j < 1000; j++) total += j; }")
    time.sleep(1.5)
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id, 30)
    check("interrupt.nested_loops", reply["content"]["status"] == "error" and reply["content"]["ename"] == "KernelInterrupted", reply["content"])
    msg_id = kc.execute("System.Threading.Thread.Sleep(600000)")
    time.sleep(1.5)
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id, 60)
    check("interrupt.blocked_call_stops_worker", reply["content"]["status"] == "error" and reply["content"]["ename"] == "KernelInterrupted"
          and "lost" in reply["content"]["evalue"], reply["content"])
    reply, msgs = run(kc, "1 + 2")
    check("interrupt.usable_after", reply["content"]["status"] == "ok" and of(msgs, "execute_result")[0]["content"]["data"]["text/plain"] == "3", msgs)

    reply, msgs = run(kc, "new System.Threading.Thread(() => throw new Exception(\"crash on a thread\")).Start(); System.Threading.Thread.Sleep(5000);")
    check("crash.thread_exception", reply["content"]["status"] == "error" and reply["content"]["ename"] == "WorkerDied", reply["content"])
    reply, msgs = run(kc, "int Deep(int n) => Deep(n + 1) + 1; Deep(0)", timeout=120)
    check("crash.stack_overflow", reply["content"]["status"] == "error" and reply["content"]["ename"] == "WorkerDied", reply["content"])
    reply, msgs = run(kc, "\"still here\"")
    check("crash.kernel_alive", km.is_alive() and reply["content"]["status"] == "ok", reply["content"])


def signal(km, kc):
    # interrupt_mode "signal": jupyter_client sends SIGINT to the kernel's process group (its worker included).
    check("signal.mode", km.kernel_spec.interrupt_mode == "signal", km.kernel_spec.interrupt_mode)
    run(kc, "var warm = 1;")  # the worker is up
    # The signal must land in a running cell, not while it compiles: wait for the cell's own output (a fixed sleep
    # was too short when the machine was loaded and Roslyn took longer to compile the cell).
    msg_id = kc.execute("Console.WriteLine(\"looping\"); while (true) { }")
    check("signal.cell_started", wait_for_output(kc, msg_id, "looping"), "no output from the looping cell within 60 s")
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id, 90)  # the worker may be stopped and a fresh one started: slow on a loaded machine
    collect(kc, msg_id, 10)
    check("signal.interrupted", reply["content"]["status"] == "error" and reply["content"]["ename"] == "KernelInterrupted", reply["content"])
    reply, msgs = run(kc, "6 * 7")
    check("signal.usable_after", km.is_alive() and of(msgs, "execute_result")[0]["content"]["data"]["text/plain"] == "42", reply["content"])
    # An interrupt with no cell running still reaches the worker through the process group: the next cell says so.
    km.interrupt_kernel()
    time.sleep(3.0)  # the worker's SIGINT handler must run before the next cell is sent; slow on a loaded machine
    reply, msgs = run(kc, "7 * 6")
    c = reply["content"]
    check("signal.idle_interrupt_reported", c["status"] == "error" and c["ename"] == "WorkerDied" and "did not run" in c["evalue"], c)
    reply, msgs = run(kc, "7 * 6")
    check("signal.usable_after_idle_interrupt", reply["content"]["status"] == "ok", reply["content"])


def restart(km, kc):
    run(kc, "var before = 1;")
    run(kc, "before")
    session = kc.kernel_info(reply=True, timeout=10)["header"]["session"]
    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=60)
    drain(kc)
    info = kc.kernel_info(reply=True, timeout=10)
    reply, msgs = run(kc, "before")
    check("restart.state_gone", reply["content"]["status"] == "error" and reply["content"]["execution_count"] == 1, reply["content"])
    check("restart.new_session", info["header"]["session"] != session, (session, info["header"]["session"]))
    reply, msgs = run(kc, "2 * 21")
    check("restart.usable", of(msgs, "execute_result")[0]["content"]["data"]["text/plain"] == "42" and reply["content"]["execution_count"] == 2, reply["content"])


def main():
    name, group = sys.argv[1], sys.argv[2]
    # A process started from a background shell (CI runners, `cmd &`) inherits SIGINT ignored, and so would the
    # kernel and its worker: .NET keeps an inherited SIG_IGN for SIGINT, so interrupt_mode "signal" could never reach
    # them. A front end starts kernels with the default disposition; so do we.
    posix_signal.signal(posix_signal.SIGINT, posix_signal.SIG_DFL)
    started = time.time()
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=60)
    check("start.ready", True, f"{time.time() - started:.2f} s")
    try:
        {"protocol": protocol, "faults": faults, "restart": restart, "signal": signal}[group](km, kc)
    except Exception as e:  # a crash of the script is a failed check, with its traceback
        import traceback
        check(f"{group}.script", False, traceback.format_exc())
    finally:
        kc.stop_channels()
        t = time.time()
        km.shutdown_kernel(now=False)
        check("shutdown.clean", not km.is_alive() and time.time() - t < 5, f"{time.time() - t:.2f} s")
    print(json.dumps(results))
    sys.exit(0 if all(r["ok"] for r in results) else 1)


main()
