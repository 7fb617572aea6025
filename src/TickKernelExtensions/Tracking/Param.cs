namespace TickKernelExtensions.Tracking;

/// <summary>A run parameter: logged once, never changed (MLflow refuses another value for the same key).</summary>
public sealed record Param(string Key, string Value);
