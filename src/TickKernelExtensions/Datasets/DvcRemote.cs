namespace TickKernelExtensions.Datasets;

/// <summary>
/// A remote from <c>.dvc/config</c> (merged with <c>.dvc/config.local</c>): objects live at
/// <c>&lt;url&gt;/files/md5/xx/…</c>, exactly where <c>dvc push</c> puts them.
/// </summary>
/// <param name="Name">The remote's name (<c>['remote "name"']</c>).</param>
/// <param name="Url">Its URL: <c>s3://bucket/prefix</c>, or a local folder.</param>
/// <param name="Settings">Its other keys (<c>endpointurl</c>, <c>region</c>, <c>access_key_id</c>, …), names lower case.</param>
public sealed record DvcRemote(string Name, string Url, IReadOnlyDictionary<string, string> Settings);
