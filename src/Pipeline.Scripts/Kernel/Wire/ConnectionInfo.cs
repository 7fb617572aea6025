using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Scripts.Kernel.Wire;

/// <summary>
/// The connection file a Jupyter client writes and passes to the kernel (<c>{connection_file}</c>):
/// the five ports to bind, the address, and the HMAC key. Unknown fields are ignored.
/// </summary>
public sealed record ConnectionInfo
{
    /// <summary>Only <c>tcp</c>: NetMQ's <c>ipc://</c> is emulated over TCP and cannot talk to libzmq's Unix sockets.</summary>
    [JsonPropertyName("transport")] public string Transport { get; init; } = "tcp";

    /// <summary>The address to bind, normally <c>127.0.0.1</c>.</summary>
    [JsonPropertyName("ip")] public string Ip { get; init; } = "127.0.0.1";

    /// <summary>Shell (ROUTER) port.</summary>
    [JsonPropertyName("shell_port")] public int ShellPort { get; init; }

    /// <summary>IOPub (PUB) port.</summary>
    [JsonPropertyName("iopub_port")] public int IopubPort { get; init; }

    /// <summary>Stdin (ROUTER) port.</summary>
    [JsonPropertyName("stdin_port")] public int StdinPort { get; init; }

    /// <summary>Control (ROUTER) port.</summary>
    [JsonPropertyName("control_port")] public int ControlPort { get; init; }

    /// <summary>Heartbeat (REP) port.</summary>
    [JsonPropertyName("hb_port")] public int HeartbeatPort { get; init; }

    /// <summary>The HMAC key, used as UTF-8 bytes (never hex-decoded); empty means unsigned messages.</summary>
    [JsonPropertyName("key")] public string Key { get; init; } = "";

    /// <summary><c>hmac-sha256</c> (the only scheme accepted), or empty with an empty key.</summary>
    [JsonPropertyName("signature_scheme")] public string SignatureScheme { get; init; } = "hmac-sha256";

    /// <summary>The kernelspec name the client started; informational.</summary>
    [JsonPropertyName("kernel_name")] public string? KernelName { get; init; }

    /// <summary>The ZeroMQ endpoint of <paramref name="port"/>.</summary>
    public string Endpoint(int port) => $"tcp://{Ip}:{port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads and validates a connection file; the exception names the file and every problem.</summary>
    /// <exception cref="KernelException">The file is missing, not JSON, or describes something we cannot serve.</exception>
    public static ConnectionInfo Load(string path)
    {
        // VS Code wraps paths with spaces in literal quotes in --flag=value forms.
        path = path.Trim().Trim('"');
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KernelException($"cannot read the connection file '{path}': {e.Message}", e);
        }
        ConnectionInfo? info;
        try
        {
            info = JsonSerializer.Deserialize<ConnectionInfo>(json);
        }
        catch (JsonException e)
        {
            throw new KernelException($"the connection file '{path}' is not valid JSON: {e.Message}", e);
        }
        if (info is null)
        {
            throw new KernelException($"the connection file '{path}' holds null; expected a JSON object with the five ports and the key");
        }
        info.Validate(path);
        return info;
    }

    /// <summary>Throws <see cref="KernelException"/> naming every invalid field.</summary>
    public void Validate(string source)
    {
        var problems = new List<string>();
        if (Transport != "tcp")
        {
            problems.Add($"transport: expected \"tcp\", got \"{Transport}\"");
        }
        if (string.IsNullOrWhiteSpace(Ip))
        {
            problems.Add("ip: expected an address to bind, got an empty value");
        }
        foreach (var (name, port) in new[] { ("shell_port", ShellPort), ("iopub_port", IopubPort), ("stdin_port", StdinPort), ("control_port", ControlPort), ("hb_port", HeartbeatPort) })
        {
            if (port is <= 0 or > 65535)
            {
                problems.Add($"{name}: expected a port in 1..65535, got {port.ToString(CultureInfo.InvariantCulture)}");
            }
        }
        if (Key.Length > 0 && SignatureScheme != "hmac-sha256")
        {
            problems.Add($"signature_scheme: expected \"hmac-sha256\", got \"{SignatureScheme}\"");
        }
        if (problems.Count > 0)
        {
            throw new KernelException($"invalid connection file '{source}': {string.Join("; ", problems)}");
        }
    }
}
