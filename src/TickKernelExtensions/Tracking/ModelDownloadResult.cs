namespace TickKernelExtensions.Tracking;

/// <summary>What <see cref="ModelDownload"/> fetched: the resolved version, the artifact location its files came from, the folder they are in now, their count and total bytes.</summary>
public sealed record ModelDownloadResult(ModelVersion Version, string Location, string Folder, int Files, long Bytes);
