using System.Text.Json.Serialization;

namespace Pipeline.Scripts.Notebooks.Worker;

/// <summary>Source-generated serialization of the worker protocol: no reflection warm-up in either process.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(WorkerMessage))]
internal sealed partial class WorkerJsonContext : JsonSerializerContext;
