namespace Serving.Host;

/// <summary>
/// One tick as posted to <c>/v1/ticks</c>: <c>symbol</c> (catalogue symbol), <c>time</c> (ISO 8601 with a zone, or UTC µs
/// since the Unix epoch as an integer), <c>bid</c>, <c>ask</c> (positive, finite), <c>bid_volume</c>, <c>ask_volume</c>
/// (optional, default 0). Also the OpenAPI document's description of the body.
/// </summary>
public sealed record TickInput(string Symbol, long TimeMicros, double Bid, double Ask, float BidVolume, float AskVolume);

/// <summary>The JSON shape of a posted tick, for the OpenAPI document (the host parses bodies itself to name bad fields).</summary>
public sealed record TickBody(string Symbol, string Time, double Bid, double Ask, float? Bid_volume, float? Ask_volume);

/// <summary>The body of <c>POST /v1/model/reload</c>: the bundle folder to load (default the one served now).</summary>
public sealed record ReloadBody(string? Folder);

/// <summary>A request that failed validation: the field (JSON path), what was expected and what came.</summary>
public sealed record TickProblem(string Field, string Expected, string Actual, string Detail);
