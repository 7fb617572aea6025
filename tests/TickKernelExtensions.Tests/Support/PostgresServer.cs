using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TickKernelExtensions.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL 15 server on 127.0.0.1 and a free port, one per test collection (use
/// <c>[Collection(PostgresServer.Collection)]</c>): <c>initdb</c> into a fresh temp folder with trust authentication,
/// <c>pg_ctl start</c>, and at the end <c>pg_ctl stop</c> and the folder deleted. PostgreSQL refuses to run as root, so
/// under root the folder is given to the <c>postgres</c> user and the binaries run through <c>runuser</c>.
/// The binaries are found in <c>$TICK_PG_BIN</c>, else Debian's <c>/usr/lib/postgresql/15/bin</c>; when they are
/// missing a test fails under CI (<c>CI=true</c>) and is skipped with a message elsewhere (<c>./test.sh</c> installs
/// the <c>postgresql-15</c> package).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    /// <summary>The collection name that shares one server.</summary>
    public const string Collection = "PostgreSQL server";

    private const string User = "tke";
    private string? _folder;
    private string? _binaries;
    private string? _unavailable;
    private NpgsqlDataSource? _admin;

    /// <summary>The server's port on 127.0.0.1 (0 until started).</summary>
    public int Port { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _binaries = Environment.GetEnvironmentVariable("TICK_PG_BIN") ?? Path.Combine("/usr/lib/postgresql", "15", "bin");
        if (!File.Exists(Path.Combine(_binaries, "initdb")) || !File.Exists(Path.Combine(_binaries, "pg_ctl")))
        {
            _unavailable = $"PostgreSQL 15 binaries (initdb, pg_ctl) are not in {_binaries}; install the 'postgresql-15' package (./test.sh does) or set TICK_PG_BIN.";
            return;
        }
        _folder = Path.Combine(Path.GetTempPath(), "tke-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", ["postgres:postgres", _folder], asPostgres: false);
        }
        var data = Path.Combine(_folder, "data");
        await RunAsync(Path.Combine(_binaries, "initdb"),
            ["-D", data, "-A", "trust", "-U", User, "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Port = FreePort();
            try
            {
                await RunAsync(Path.Combine(_binaries, "pg_ctl"),
                [
                    "-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
                    "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                    "start",
                ]);
                last = null;
                break;
            }
            catch (InvalidOperationException e)
            {
                // Another process may have taken the port between probing and starting.
                last = e;
            }
        }
        if (last is not null)
        {
            var log = Path.Combine(_folder, "server.log");
            throw new InvalidOperationException(
                $"PostgreSQL did not start in {_folder}: {last.Message}\n{(File.Exists(log) ? await File.ReadAllTextAsync(log) : "(no server log)")}", last);
        }
        _admin = NpgsqlDataSource.Create(ConnectionString("postgres"));
    }

    /// <summary>
    /// A new empty database for one test (so tests never see each other's catalog tables), as an Npgsql connection
    /// string. Fails under CI, or skips elsewhere, when PostgreSQL is not installed.
    /// </summary>
    public async Task<string> CreateDatabaseAsync()
    {
        RequireAvailable();
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var command = _admin!.CreateCommand($"CREATE DATABASE {name}");
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Fails under CI, or skips elsewhere, when the server could not be provided.</summary>
    public void RequireAvailable()
    {
        if (_unavailable is null)
        {
            return;
        }
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(_unavailable + " Under CI this is a failure.");
        }
        Assert.Skip(_unavailable);
    }

    public async ValueTask DisposeAsync()
    {
        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }
        NpgsqlConnection.ClearAllPools();
        if (_folder is null)
        {
            return;
        }
        if (Port != 0 && File.Exists(Path.Combine(_folder, "data", "postmaster.pid")))
        {
            await RunAsync(Path.Combine(_binaries!, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]);
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is the OS's to clean.
        }
    }

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Database = database,
        Timeout = 30,
    }.ToString();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a program to its end (as the postgres user when we are root); a non-zero exit throws with its output.</summary>
    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = program;
        }
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}

/// <summary>The test collection sharing one <see cref="PostgresServer"/>.</summary>
[CollectionDefinition(PostgresServer.Collection)]
public sealed class PostgresServerCollection : ICollectionFixture<PostgresServer>;
