namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// A partition field's summary in a manifest list (<c>field_summary</c>, 508): bounds serialized with the
/// partition field's result type (<see cref="IcebergSingleValue"/>).
/// </summary>
public sealed record IcebergFieldSummary(bool ContainsNull, bool? ContainsNan, byte[]? LowerBound, byte[]? UpperBound);
