using System.Text.Json;
using System.Text.Json.Serialization;

namespace TickKernelExtensions.Lakehouse.Trino;

/// <summary>One page of Trino's <c>QueryResults</c> JSON, the fields the client reads.</summary>
internal sealed record TrinoQueryResults(
    string? Id,
    Uri? NextUri,
    IReadOnlyList<TrinoColumn>? Columns,
    IReadOnlyList<JsonElement>? Data,
    TrinoStats? Stats,
    TrinoQueryError? Error,
    string? UpdateType,
    long? UpdateCount);

internal sealed record TrinoColumn(string Name, string Type);

internal sealed record TrinoStats(string? State);

internal sealed record TrinoQueryError(string? Message, int? ErrorCode, string? ErrorName, string? ErrorType, TrinoErrorLocation? ErrorLocation);

internal sealed record TrinoErrorLocation(int LineNumber, int ColumnNumber);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TrinoQueryResults))]
internal sealed partial class TrinoJsonContext : JsonSerializerContext;
