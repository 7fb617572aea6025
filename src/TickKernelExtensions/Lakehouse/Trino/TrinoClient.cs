using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TickKernelExtensions.Lakehouse.Sql;

namespace TickKernelExtensions.Lakehouse.Trino;

/// <summary>
/// Runs SQL on a Trino coordinator over its REST client protocol: <c>POST /v1/statement</c>, then <c>GET nextUri</c>
/// until there is none; 502/503/504 retried after a short pause; cancelling the token sends <c>DELETE nextUri</c>.
/// Session changes Trino announces in response headers (<c>USE</c>, <c>SET SESSION</c>, transactions, prepared
/// statements) are kept and sent with later queries, as Trino's own clients do. Results have the same shape as the
/// embedded engine's (<see cref="QueryResult"/>). One query at a time per client.
/// </summary>
public sealed class TrinoClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TrinoSession _session;

    /// <summary>A client with its own <see cref="HttpClient"/>.</summary>
    public TrinoClient(TrinoClientOptions options) : this(options, new HttpClient(), ownsHttp: true) { }

    /// <summary>A client over <paramref name="http"/> (not disposed with the client).</summary>
    public TrinoClient(TrinoClientOptions options, HttpClient http) : this(options, http, ownsHttp: false) { }

    private TrinoClient(TrinoClientOptions options, HttpClient http, bool ownsHttp)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException("Invalid Trino client options: " + string.Join("; ", problems) + ".", nameof(options));
        }
        Options = options;
        _http = http;
        _ownsHttp = ownsHttp;
        _session = new TrinoSession(options);
    }

    /// <summary>The options the client was built with.</summary>
    public TrinoClientOptions Options { get; }

    /// <summary>The catalog later queries run in (the options' catalog, or what a <c>USE</c> set).</summary>
    public string? Catalog => _session.Catalog;

    /// <summary>The schema later queries run in.</summary>
    public string? Schema => _session.Schema;

    /// <summary>Runs <paramref name="sql"/> and returns every row.</summary>
    /// <param name="sql">One SQL statement, without a trailing semicolon.</param>
    /// <param name="progress">Told the query's state and the rows received so far after every page.</param>
    /// <param name="cancellationToken">Cancels the query on the coordinator too.</param>
    /// <exception cref="TrinoException">Trino failed the query, or answered outside the protocol.</exception>
    public async Task<QueryResult> QueryAsync(string sql, IProgress<TrinoProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        var rows = new List<object?[]>();
        List<QueryColumn>? columns = null;
        List<TrinoType>? types = null;
        using var first = new HttpRequestMessage(HttpMethod.Post, new Uri(Options.Server, "v1/statement"))
        {
            Content = new StringContent(sql, Encoding.UTF8, "text/plain"),
        };
        _session.AddHeaders(first.Headers);
        var page = await SendAsync(first, sql, cancellationToken);
        while (true)
        {
            if (page.Columns is { } pageColumns && columns is null)
            {
                columns = pageColumns.Select(c => new QueryColumn(c.Name, c.Type)).ToList();
                types = pageColumns.Select(c => TrinoType.Parse(c.Type)).ToList();
            }
            if (page.Data is { } data)
            {
                if (types is null)
                {
                    throw Protocol(page, sql, "rows arrived before the columns that describe them");
                }
                foreach (var row in data)
                {
                    rows.Add(DecodeRow(row, types, page, rows.Count, sql));
                }
            }
            if (page.Error is { } error)
            {
                throw Failed(page.Id, error, sql);
            }
            progress?.Report(new TrinoProgress(page.Id, page.Stats?.State ?? "", rows.Count));
            if (page.NextUri is not { } nextUri)
            {
                return new QueryResult(columns ?? [], rows, page.UpdateType, page.UpdateCount);
            }
            try
            {
                using var next = new HttpRequestMessage(HttpMethod.Get, nextUri);
                _session.AddHeaders(next.Headers);
                page = await SendAsync(next, sql, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await CancelAsync(nextUri);
                throw;
            }
        }
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<TrinoQueryResults> SendAsync(HttpRequestMessage request, string sql, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var copy = attempt == 0 ? null : await CloneAsync(request);
            using var response = await _http.SendAsync(copy ?? request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout && attempt < Options.MaxBusyRetries)
            {
                await Task.Delay(Options.BusyRetryDelay, cancellationToken);
                continue;
            }
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new TrinoException(
                    $"Trino at {request.RequestUri} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}" +
                    (attempt > 0 ? $" after {attempt} retries" : "") + $" to {Describe(sql)}: {Excerpt(body)}")
                {
                    HttpStatus = (int)response.StatusCode,
                };
            }
            _session.Apply(response.Headers);
            try
            {
                return JsonSerializer.Deserialize(body, TrinoJsonContext.Default.TrinoQueryResults)
                    ?? throw new JsonException("the body is JSON null");
            }
            catch (JsonException e)
            {
                throw new TrinoException($"Trino at {request.RequestUri} sent a body that is not QueryResults JSON ({e.Message}) for {Describe(sql)}: {Excerpt(body)}", e);
            }
        }
    }

    private static async Task<HttpRequestMessage> CloneAsync(HttpRequestMessage request)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri);
        foreach (var header in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        if (request.Content is { } content)
        {
            clone.Content = new ByteArrayContent(await content.ReadAsByteArrayAsync());
            clone.Content.Headers.ContentType = content.Headers.ContentType;
        }
        return clone;
    }

    private async Task CancelAsync(Uri nextUri)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var request = new HttpRequestMessage(HttpMethod.Delete, nextUri);
            _session.AddHeaders(request.Headers);
            using var response = await _http.SendAsync(request, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // The coordinator also abandons a query nobody polls; the caller's cancellation stands either way.
        }
    }

    private static object?[] DecodeRow(JsonElement row, List<TrinoType> types, TrinoQueryResults page, int index, string sql)
    {
        if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != types.Count)
        {
            throw Protocol(page, sql, $"row {index} should be an array of {types.Count} values, got {Excerpt(row.GetRawText())}");
        }
        var values = new object?[types.Count];
        var i = 0;
        foreach (var value in row.EnumerateArray())
        {
            try
            {
                values[i] = TrinoValueDecoder.Decode(value, types[i]);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException or KeyNotFoundException or TimeZoneNotFoundException or ArgumentOutOfRangeException)
            {
                throw Protocol(page, sql, $"row {index}, column {i}: expected a {types[i].Name} value, got {value.GetRawText()} ({e.Message})");
            }
            i++;
        }
        return values;
    }

    private static TrinoException Failed(string? queryId, TrinoQueryError error, string sql)
    {
        var at = error.ErrorLocation is { } location ? $" at line {location.LineNumber}, column {location.ColumnNumber}" : "";
        return new TrinoException($"Trino query {queryId} failed: {error.ErrorName} ({error.ErrorType}, code {error.ErrorCode}){at}: {error.Message} — in {Describe(sql)}")
        {
            QueryId = queryId,
            ErrorName = error.ErrorName,
            ErrorCode = error.ErrorCode,
            ErrorType = error.ErrorType,
            Line = error.ErrorLocation?.LineNumber,
            Column = error.ErrorLocation?.ColumnNumber,
        };
    }

    private static TrinoException Protocol(TrinoQueryResults page, string sql, string problem) =>
        new($"Trino query {page.Id}: {problem} — in {Describe(sql)}") { QueryId = page.Id };

    private static string Describe(string sql)
    {
        var line = sql.ReplaceLineEndings(" ").Trim();
        return "'" + (line.Length > 120 ? line[..117] + "..." : line) + "'";
    }

    private static string Excerpt(string body) => body.Length > 300 ? body[..300] + "..." : body;
}
