using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace TickKernelExtensions.Lakehouse.Catalog;

public sealed partial class JdbcCatalog
{
    /// <inheritdoc />
    public async Task CommitAsync(TableIdentifier table, string expectedLocation, string newLocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        CatalogNames.ValidateLocation(expectedLocation, "expected metadata location", table);
        CatalogNames.ValidateLocation(newLocation, "new metadata location", table);
        if (string.Equals(expectedLocation, newLocation, StringComparison.Ordinal))
        {
            throw new CatalogException(CatalogErrorKind.InvalidLocation,
                $"Commit to table '{table}': the new metadata location equals the expected one; every commit writes a new metadata file")
            {
                Identifier = table.ToString(),
                Expected = $"a location other than '{expectedLocation}'",
                Actual = newLocation,
            };
        }
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        using (var command = Command(connection, CatalogSql.CommitTable, table))
        {
            AddParameter(command, "old", expectedLocation);
            AddParameter(command, "new", newLocation);
            // Not cancellable once sent: a cancelled UPDATE would leave the caller unsure whether it committed.
            if (await command.ExecuteNonQueryAsync(CancellationToken.None) == 1)
            {
                _logger.LogDebug("Committed {Table}: {Old} -> {New}", table, expectedLocation, newLocation);
                return;
            }
        }
        var current = await FindAsync(connection, table, cancellationToken) ?? throw TableNotFound(table);
        _logger.LogDebug("Commit to {Table} lost its race: expected {Expected}, found {Current}", table, expectedLocation, current.MetadataLocation);
        throw new CommitConflictException(table, expectedLocation, current.MetadataLocation);
    }

    /// <inheritdoc />
    /// <remarks>
    /// When the database fails around the update (a dropped connection, a restarted server), whether it committed is
    /// unknown; the pointer is read back: if it holds the new location the commit is done, if it still holds the old
    /// one the same metadata is committed again, and if it moved, the attempt is re-run from there. If it cannot be
    /// read back, <see cref="CatalogErrorKind.CommitStateUnknown"/> is thrown and the new file must not be deleted.
    /// </remarks>
    public async Task<CommitResult> CommitWithRetryAsync(
        TableIdentifier table, Func<string, CancellationToken, Task<string>> attempt, CommitRetryOptions? retry = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(attempt);
        retry ??= _options.CommitRetry;
        retry.Validate();
        string current;
        // Read on a pooled connection, as the commit's own statements are, not on a lookup session (JdbcCatalog.Lookups.cs).
        await using (var connection = await _dialect.OpenAsync(cancellationToken))
        {
            current = (await FindAsync(connection, table, cancellationToken) ?? throw TableNotFound(table)).MetadataLocation;
        }
        var abandoned = new List<string>();
        string? proposed = null;
        for (var n = 1; ; n++)
        {
            proposed ??= await attempt(current, cancellationToken);
            Exception failure;
            try
            {
                await CommitAsync(table, current, proposed, cancellationToken);
                if (n > 1)
                {
                    _logger.LogInformation("Committed {Table} after {Attempts} attempts", table, n);
                }
                return new CommitResult(table, current, proposed, n, abandoned);
            }
            catch (CommitConflictException conflict)
            {
                failure = conflict;
                abandoned.Add(proposed);
                current = conflict.CurrentLocation;
                proposed = null;
            }
            catch (DbException error)
            {
                failure = error;
                var now = await ReadBackAsync(table, proposed, error, cancellationToken);
                if (now == proposed)
                {
                    _logger.LogWarning(error, "Commit to {Table} failed in the database but had been applied", table);
                    return new CommitResult(table, current, proposed, n, abandoned);
                }
                _logger.LogWarning(error, "Commit to {Table} failed in the database and was not applied; retrying", table);
                if (now != current)
                {
                    abandoned.Add(proposed);
                    current = now;
                    proposed = null;
                }
            }
            if (n >= retry.MaxAttempts)
            {
                throw new CatalogException(CatalogErrorKind.CommitRetriesExhausted,
                    $"Commit to table '{table}' in catalog '{Name}' failed {n} time(s) ({failure.Message}); nothing was committed", failure)
                {
                    Identifier = table.ToString(),
                    Expected = $"a commit within {retry.MaxAttempts} attempt(s)",
                    Actual = current,
                };
            }
            var wait = retry.Backoff(n, Random.Shared);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _options.Time, cancellationToken);
            }
        }
    }

    /// <summary>The table's location after an update whose outcome is unknown.</summary>
    private async Task<string> ReadBackAsync(TableIdentifier table, string proposed, DbException error, CancellationToken cancellationToken)
    {
        try
        {
            return (await LoadTableAsync(table, cancellationToken)).MetadataLocation;
        }
        catch (DbException again)
        {
            throw new CatalogException(CatalogErrorKind.CommitStateUnknown,
                $"Commit to table '{table}' in catalog '{Name}' ({Description}): the database failed during the update and could not be " +
                $"read back, so whether '{proposed}' was committed is unknown; do not delete it",
                new AggregateException(error, again))
            {
                Identifier = table.ToString(),
            };
        }
    }
}
