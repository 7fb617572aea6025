using Pipeline.Scripts.Kernel;
using Pipeline.Scripts.Kernel.Wire;

namespace Pipeline.Scripts.Tests.Kernel.Wire;

public sealed class ConnectionInfoTests
{
    [Fact]
    public void Load_JupyterClientFile_ReadsPortsKeyAndIgnoresUnknownFields()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("kernel-1.json");
        File.WriteAllText(path, """
            {"shell_port": 38009, "iopub_port": 50807, "stdin_port": 59729, "control_port": 60833, "hb_port": 41663,
             "ip": "127.0.0.1", "key": "eaa596d6-740e201b365221d2d64c18f4", "transport": "tcp",
             "signature_scheme": "hmac-sha256", "kernel_name": "tick-csharp", "something_new": 1}
            """);

        var info = ConnectionInfo.Load($"\"{path}\"");

        Assert.Equal("tcp://127.0.0.1:38009", info.Endpoint(info.ShellPort));
        Assert.Equal((50807, 59729, 60833, 41663), (info.IopubPort, info.StdinPort, info.ControlPort, info.HeartbeatPort));
        Assert.Equal("eaa596d6-740e201b365221d2d64c18f4", info.Key);
    }

    [Fact]
    public void Load_IpcTransportAndMissingPorts_EveryProblemNamed()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("bad.json");
        File.WriteAllText(path, """{"transport": "ipc", "ip": "kernel", "shell_port": 1, "key": "k", "signature_scheme": "hmac-md5"}""");

        var e = Assert.Throws<KernelException>(() => ConnectionInfo.Load(path));

        Assert.Contains("transport: expected \"tcp\", got \"ipc\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("iopub_port: expected a port in 1..65535, got 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("hb_port", e.Message, StringComparison.Ordinal);
        Assert.Contains("signature_scheme: expected \"hmac-sha256\", got \"hmac-md5\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingOrNotJson_NamesTheFile()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("broken.json");
        File.WriteAllText(path, "{not json");

        Assert.Contains(path, Assert.Throws<KernelException>(() => ConnectionInfo.Load(path)).Message, StringComparison.Ordinal);
        Assert.Contains("cannot read the connection file", Assert.Throws<KernelException>(() => ConnectionInfo.Load(dir.Combine("absent.json"))).Message, StringComparison.Ordinal);
    }
}
