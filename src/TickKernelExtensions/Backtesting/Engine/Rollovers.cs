using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>The rollover instants of a <see cref="RolloverSchedule"/> and the nights each one charges.</summary>
internal sealed class Rollovers
{
    private readonly SessionClock _clock;
    private readonly TimeZoneInfo _zone;
    private readonly DayOfWeek _triple;

    public Rollovers(RolloverSchedule schedule)
    {
        _clock = new SessionClock(schedule.TimeZone, schedule.Time);
        _zone = SessionClock.TryFindZone(schedule.TimeZone)!;
        _triple = schedule.TripleDay;
    }

    /// <summary>The first rollover instant strictly after <paramref name="micros"/>, UTC µs.</summary>
    public long NextAfter(long micros) => _clock.SessionAt(micros).NextOpen;

    /// <summary>Nights charged at <paramref name="instant"/>: 0 on a local Saturday or Sunday, 3 on the triple day, else 1.</summary>
    public int Nights(long instant)
    {
        var day = TimeZoneInfo.ConvertTimeFromUtc(Market.TickTime.FromMicros(instant), _zone).DayOfWeek;
        return day is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : day == _triple ? 3 : 1;
    }
}
