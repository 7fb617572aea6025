using System.Net.Sockets;
using System.Security.Cryptography;
using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Ingest.Raw;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Download;

public sealed partial class DukascopyDownloader
{
    // One bucket: request, judge the answer, store or record, and retry what is transient.
    // Attempts are bounded by MaxAttempts for failures plus EmptyRechecks for empty answers.
    private async Task<BucketOutcome> FetchAsync(DukascopyBucket bucket, string path, RunState run, CancellationToken ct)
    {
        var url = _feed.UrlOf(bucket);
        var failures = 0;
        var empties = 0;
        var attempts = 0;
        int? status = null;
        string? lastError = null;
        while (true)
        {
            attempts++;
            await run.Pacer.WaitAsync(ct);
            TimeSpan? retryAfter = null;
            var response = await TryGetAsync(url, ct);
            if (response.Error is not null)
            {
                lastError = response.Error;
                status = null;
            }
            else
            {
                var answer = response.Response!;
                status = answer.Status;
                run.Requested(answer.Body.Length);
                retryAfter = answer.RetryAfter;
                var verdict = Judge(bucket, path, url, answer, attempts, empties);
                if (verdict.Outcome is { } final)
                {
                    return final;
                }
                if (verdict.EmptyRecheck)
                {
                    empties++;
                    await Task.Delay(_retry.Delay(empties), _time, ct);
                    continue;
                }
                lastError = verdict.Error;
            }
            failures++;
            if (failures >= _options.MaxAttempts)
            {
                var detail = $"{lastError} (gave up after {attempts} attempts)";
                _raw.Record(_feed.SourceName, path, new RawProvenance(url.ToString(), status, attempts), RawVerdict.Failed, detail);
                LogGiveUp(_logger, bucket.ToString(), BucketState.Failed, attempts, detail);
                return new BucketOutcome(bucket, BucketState.Failed, attempts, status, 0, 0, detail);
            }
            var delay = _retry.Delay(failures, retryAfter);
            LogRetry(_logger, bucket.ToString(), attempts, lastError ?? "unknown", delay);
            await Task.Delay(delay, _time, ct);
        }
    }

    private (BucketOutcome? Outcome, bool EmptyRecheck, string? Error) Judge(
        DukascopyBucket bucket, string path, Uri url, FeedResponse answer, int attempts, int empties)
    {
        var provenance = new RawProvenance(url.ToString(), answer.Status, attempts,
            Convert.ToHexStringLower(SHA256.HashData(answer.Body)), answer.Body.Length);
        switch (answer.Status)
        {
            case 200:
                break;
            case 404:
                _raw.Record(_feed.SourceName, path, provenance, RawVerdict.NotFound, "HTTP 404");
                return (new BucketOutcome(bucket, BucketState.NotFound, attempts, 404, 0, 0, "HTTP 404"), false, null);
            case 408 or 425 or 429 or >= 500:
                return (null, false, $"HTTP {answer.Status}");
            default:
                var detail = $"HTTP {answer.Status} (not retried)";
                _raw.Record(_feed.SourceName, path, provenance, RawVerdict.Failed, detail);
                return (new BucketOutcome(bucket, BucketState.Failed, attempts, answer.Status, answer.Body.Length, 0, detail), false, null);
        }
        var check = _feed.Check(bucket, answer.Body, _options.Validation);
        switch (check.State)
        {
            case PayloadState.Good:
                return (Store(bucket, path, answer, provenance with { Detail = $"{check.Records} records" }, check.Records), false, null);
            case PayloadState.Empty when bucket.Kind == BucketKind.TickHour && TradingCalendar.IsExpectedClosedHour(bucket.Instrument, bucket.StartUtc):
                _raw.Record(_feed.SourceName, path, provenance, RawVerdict.EmptyClosed, "empty; market expected closed");
                return (new BucketOutcome(bucket, BucketState.ExpectedClosed, attempts, 200, answer.Body.Length, 0, "market closed"), false, null);
            case PayloadState.Empty when empties < _options.EmptyRechecks:
                return (null, true, null);
            case PayloadState.Empty:
                var suspect = $"empty in trading hours after {empties + 1} checks";
                _raw.Record(_feed.SourceName, path, provenance, RawVerdict.EmptySuspect, suspect);
                LogGiveUp(_logger, bucket.ToString(), BucketState.EmptySuspect, attempts, suspect);
                return (new BucketOutcome(bucket, BucketState.EmptySuspect, attempts, 200, answer.Body.Length, 0, suspect), false, null);
            default:
                return (null, false, check.Error?.Message ?? "bad payload");
        }
    }

    private BucketOutcome Store(DukascopyBucket bucket, string path, FeedResponse answer, RawProvenance provenance, int records)
    {
        try
        {
            var stored = _raw.Store(_feed.SourceName, path, answer.Body, provenance);
            return new BucketOutcome(bucket, stored.Written ? BucketState.Stored : BucketState.AlreadyPresent,
                provenance.Attempts, answer.Status, answer.Body.Length, records, provenance.Detail);
        }
        catch (MarketDataException e) when (e.Kind == MarketDataErrorKind.RawConflict)
        {
            LogGiveUp(_logger, bucket.ToString(), BucketState.Conflict, provenance.Attempts, e.Message);
            return new BucketOutcome(bucket, BucketState.Conflict, provenance.Attempts, answer.Status, answer.Body.Length, 0, e.Message);
        }
    }

    private async Task<(FeedResponse? Response, string? Error)> TryGetAsync(Uri url, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            return (await _transport.GetAsync(url, linked.Token), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"timed out after {_options.RequestTimeout.TotalSeconds:0.###} s");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException)
        {
            return (null, $"{e.GetType().Name}: {e.Message}");
        }
    }
}
