namespace TickKernelExtensions.Modeling.Export;

/// <summary>One file of a bundle.</summary>
/// <param name="Path">The name inside the bundle folder (e.g. <c>model.zip</c>).</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes.</param>
public sealed record ModelBundleFile(string Path, long Size, string Sha256);
