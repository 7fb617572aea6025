using TickKernelExtensions.Lakehouse.Trino;

namespace TickKernelExtensions.Tests.Lakehouse.Trino;

/// <summary>
/// <see cref="TrinoClient"/> against a transcript of Trino's client protocol served on loopback: paging through
/// <c>nextUri</c>, busy retries, errors, session headers, cancellation.
/// </summary>
public sealed class TrinoClientTests : IDisposable
{
    private const string Queued = """
        {"id":"20261202_101500_00007_k3x9q","infoUri":"{base}/ui/query.html?20261202_101500_00007_k3x9q",
         "nextUri":"{base}/v1/statement/queued/20261202_101500_00007_k3x9q/y1/1",
         "stats":{"state":"QUEUED","queued":true,"scheduled":false,"nodes":0,"totalSplits":0,"processedRows":0},"warnings":[]}
        """;

    private const string Running = """
        {"id":"20261202_101500_00007_k3x9q","infoUri":"{base}/ui/query.html?20261202_101500_00007_k3x9q",
         "nextUri":"{base}/v1/statement/executing/20261202_101500_00007_k3x9q/y2/1",
         "columns":[
           {"name":"symbol","type":"varchar","typeSignature":{"rawType":"varchar","arguments":[{"kind":"LONG","value":2147483647}]}},
           {"name":"bid","type":"decimal(10, 5)","typeSignature":{"rawType":"decimal","arguments":[{"kind":"LONG","value":10},{"kind":"LONG","value":5}]}},
           {"name":"ts","type":"timestamp(3) with time zone","typeSignature":{"rawType":"timestamp with time zone","arguments":[{"kind":"LONG","value":3}]}},
           {"name":"day","type":"date","typeSignature":{"rawType":"date","arguments":[]}},
           {"name":"ticks","type":"bigint","typeSignature":{"rawType":"bigint","arguments":[]}}],
         "data":[["EURUSD","1.08512","2024-03-07 00:00:00.125 UTC","2024-03-07",4154]],
         "stats":{"state":"RUNNING","queued":false,"scheduled":true,"nodes":1,"processedRows":1},"warnings":[]}
        """;

    private const string Finished = """
        {"id":"20261202_101500_00007_k3x9q","infoUri":"{base}/ui/query.html?20261202_101500_00007_k3x9q",
         "columns":[
           {"name":"symbol","type":"varchar","typeSignature":{"rawType":"varchar","arguments":[]}},
           {"name":"bid","type":"decimal(10, 5)","typeSignature":{"rawType":"decimal","arguments":[]}},
           {"name":"ts","type":"timestamp(3) with time zone","typeSignature":{"rawType":"timestamp with time zone","arguments":[]}},
           {"name":"day","type":"date","typeSignature":{"rawType":"date","arguments":[]}},
           {"name":"ticks","type":"bigint","typeSignature":{"rawType":"bigint","arguments":[]}}],
         "data":[["XAUUSD","2158.41500","2024-03-07 00:00:01.000 UTC","2024-03-07",3921],["USDJPY",null,null,null,null]],
         "stats":{"state":"FINISHED","queued":false,"scheduled":true,"nodes":1,"processedRows":3},"warnings":[]}
        """;

    private readonly TrinoTranscriptServer _server = new();

    [Fact]
    public async Task QueryAsync_QueuedBusyThenTwoPages_EveryRowDecodedAndQueryHeadersSent()
    {
        _server.On("POST", "/v1/statement", Queued)
            .On("GET", "/v1/statement/queued/20261202_101500_00007_k3x9q/y1/1", "busy", status: 503)
            .On("GET", "/v1/statement/queued/20261202_101500_00007_k3x9q/y1/1", Running)
            .On("GET", "/v1/statement/executing/20261202_101500_00007_k3x9q/y2/1", Finished);
        using var client = Client(o => o with { SessionProperties = new Dictionary<string, string> { ["query_max_run_time"] = "10m" } });
        var states = new List<string>();
        const string sql = "SELECT symbol, bid, ts, day, ticks FROM ticks_daily";

        var result = await client.QueryAsync(sql, new SyncProgress(p => states.Add(p.State)), TestContext.Current.CancellationToken);

        Assert.Equal(["symbol", "bid", "ts", "day", "ticks"], result.Columns.Select(c => c.Name));
        Assert.Equal("decimal(10, 5)", result.Columns[1].Type);
        Assert.Equal(3, result.Rows.Count);
        Assert.Equal(new object?[] { "EURUSD", 1.08512m, new DateTimeOffset(2024, 3, 7, 0, 0, 0, 125, TimeSpan.Zero), new DateOnly(2024, 3, 7), 4154L }, result.Rows[0]);
        Assert.Equal(2158.415m, result.Rows[1][1]);
        Assert.Equal(new object?[] { "USDJPY", null, null, null, null }, result.Rows[2]);
        Assert.Equal(["QUEUED", "RUNNING", "FINISHED"], states);
        var requests = _server.Requests.ToList();
        Assert.Equal(["POST", "GET", "GET", "GET"], requests.Select(r => r.Method));
        var post = requests[0];
        Assert.Equal(sql, post.Body);
        Assert.Equal("analyst", post.Headers["X-Trino-User"]);
        Assert.Equal("lake", post.Headers["X-Trino-Catalog"]);
        Assert.Equal("bronze", post.Headers["X-Trino-Schema"]);
        Assert.Equal("tick-workbench", post.Headers["X-Trino-Source"]);
        Assert.Equal("UTC", post.Headers["X-Trino-Time-Zone"]);
        Assert.Equal("query_max_run_time=10m", post.Headers["X-Trino-Session"]);
    }

    [Fact]
    public async Task QueryAsync_QueryFails_ErrorNameCodeTypeAndPositionInException()
    {
        _server.On("POST", "/v1/statement", """
            {"id":"20261202_101501_00008_k3x9q","infoUri":"{base}/ui/query.html?20261202_101501_00008_k3x9q",
             "stats":{"state":"FAILED"},
             "error":{"message":"line 1:15: Table 'lake.bronze.tickz' does not exist","errorCode":46,"errorName":"TABLE_NOT_FOUND","errorType":"USER_ERROR",
                      "errorLocation":{"lineNumber":1,"columnNumber":15},
                      "failureInfo":{"type":"io.trino.spi.TrinoException","message":"line 1:15: Table 'lake.bronze.tickz' does not exist","suppressed":[],"stack":[]}},
             "warnings":[]}
            """);
        using var client = Client();

        var error = await Assert.ThrowsAsync<TrinoException>(() => client.QueryAsync("SELECT * FROM tickz", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(("TABLE_NOT_FOUND", 46, "USER_ERROR", 1, 15), (error.ErrorName, error.ErrorCode, error.ErrorType, error.Line, error.Column));
        Assert.Equal("20261202_101501_00008_k3x9q", error.QueryId);
        Assert.Contains("TABLE_NOT_FOUND (USER_ERROR, code 46) at line 1, column 15: line 1:15: Table 'lake.bronze.tickz' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("'SELECT * FROM tickz'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_Unauthorized_HttpStatusAndBodyInException()
    {
        _server.On("POST", "/v1/statement", "Unauthorized: no credentials for user analyst", status: 401);
        using var client = Client();

        var error = await Assert.ThrowsAsync<TrinoException>(() => client.QueryAsync("SELECT 1", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(401, error.HttpStatus);
        Assert.Contains("HTTP 401", error.Message, StringComparison.Ordinal);
        Assert.Contains("no credentials for user analyst", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_BusyBeyondRetryBound_FailsNamingRetries()
    {
        _server.On("POST", "/v1/statement", "overloaded", status: 503).On("POST", "/v1/statement", "overloaded", status: 503).On("POST", "/v1/statement", "overloaded", status: 503);
        using var client = Client(o => o with { MaxBusyRetries = 2, BusyRetryDelay = TimeSpan.FromMilliseconds(5) });

        var error = await Assert.ThrowsAsync<TrinoException>(() => client.QueryAsync("SELECT 1", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(503, error.HttpStatus);
        Assert.Contains("after 2 retries", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal("SELECT 1", r.Body));
    }

    [Fact]
    public async Task QueryAsync_UseAndSetSession_LaterQueriesSendTheNewCatalogSchemaAndProperties()
    {
        const string done = """{"id":"q1","infoUri":"{base}/ui","updateType":"USE","stats":{"state":"FINISHED"}}""";
        _server.On("POST", "/v1/statement", done, headers: new Dictionary<string, string>
            {
                ["X-Trino-Set-Catalog"] = "lake",
                ["X-Trino-Set-Schema"] = "silver",
                ["X-Trino-Set-Session"] = "join_distribution_type=BROADCAST",
                ["X-Trino-Clear-Session"] = "query_max_run_time",
            })
            .On("POST", "/v1/statement", """{"id":"q2","infoUri":"{base}/ui","columns":[{"name":"_col0","type":"integer"}],"data":[[1]],"stats":{"state":"FINISHED"}}""");
        using var client = Client(o => o with { Catalog = null, Schema = null, SessionProperties = new Dictionary<string, string> { ["query_max_run_time"] = "10m" } });

        var use = await client.QueryAsync("USE lake.silver", cancellationToken: TestContext.Current.CancellationToken);
        var one = await client.QueryAsync("SELECT 1", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("USE", use.UpdateType);
        Assert.Equal(1, one.Rows.Single()[0]);
        Assert.Equal(("lake", "silver"), (client.Catalog, client.Schema));
        var first = _server.Requests.First();
        Assert.False(first.Headers.ContainsKey("X-Trino-Catalog"));
        var second = _server.Requests.Last();
        Assert.Equal("lake", second.Headers["X-Trino-Catalog"]);
        Assert.Equal("silver", second.Headers["X-Trino-Schema"]);
        Assert.Equal("join_distribution_type=BROADCAST", second.Headers["X-Trino-Session"]);
    }

    [Fact]
    public async Task QueryAsync_CancelledWhileRunning_DeletesTheQueryOnTheCoordinator()
    {
        _server.On("POST", "/v1/statement", Queued)
            .On("GET", "/v1/statement/queued/20261202_101500_00007_k3x9q/y1/1", Running, delay: TimeSpan.FromSeconds(30));
        using var client = Client();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new SyncProgress(p =>
        {
            if (p.State == "QUEUED")
            {
                cancel.CancelAfter(TimeSpan.FromMilliseconds(200));
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.QueryAsync("SELECT * FROM slow", progress, cancel.Token));

        var delete = Assert.Single(_server.Requests, r => r.Method == "DELETE");
        Assert.Equal("/v1/statement/queued/20261202_101500_00007_k3x9q/y1/1", delete.Path);
        Assert.Equal("analyst", delete.Headers["X-Trino-User"]);
    }

    [Fact]
    public async Task QueryAsync_ValueThatDoesNotMatchItsType_ProtocolErrorNamesRowColumnAndValue()
    {
        _server.On("POST", "/v1/statement", """{"id":"q3","infoUri":"{base}/ui","columns":[{"name":"d","type":"date"}],"data":[["2024-03-07"],["07/03/2024"]],"stats":{"state":"FINISHED"}}""");
        using var client = Client();

        var error = await Assert.ThrowsAsync<TrinoException>(() => client.QueryAsync("SELECT d FROM t", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("row 1, column 0: expected a date value, got \"07/03/2024\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BadOptions_EveryProblemInOneMessage()
    {
        var options = new TrinoClientOptions
        {
            Server = new Uri("ftp://trino/"),
            User = " ",
            MaxBusyRetries = -1,
            SessionProperties = new Dictionary<string, string> { ["a,b"] = "1" },
        };

        var error = Assert.Throws<ArgumentException>(() => new TrinoClient(options));

        Assert.Contains("Server: expected an absolute http:// or https:// URI, got 'ftp://trino/'", error.Message, StringComparison.Ordinal);
        Assert.Contains("User: expected a user name", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxBusyRetries: expected 0 or more, got -1", error.Message, StringComparison.Ordinal);
        Assert.Contains("'a,b=1' cannot be sent in X-Trino-Session", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _server.Dispose();

    private TrinoClient Client(Func<TrinoClientOptions, TrinoClientOptions>? change = null)
    {
        var options = new TrinoClientOptions { Server = _server.BaseUri, User = "analyst", Catalog = "lake", Schema = "bronze" };
        return new TrinoClient(change?.Invoke(options) ?? options);
    }

    private sealed class SyncProgress(Action<TrinoProgress> report) : IProgress<TrinoProgress>
    {
        public void Report(TrinoProgress value) => report(value);
    }
}
