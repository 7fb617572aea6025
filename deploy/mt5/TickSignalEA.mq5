//+------------------------------------------------------------------+
//| TickSignalEA.mq5                                                 |
//| Executes the workbench's trade signals on one symbol.            |
//|  Tester mode: replays the signal file written by                 |
//|    `pipeline mt5 export-signals` on a custom symbol loaded with  |
//|    `pipeline mt5 export-ticks` (Every tick based on real ticks). |
//|  Live mode: posts the chart symbol's new ticks to the serving    |
//|    host (POST /v1/ticks/batch) with WebRequest on a timer and    |
//|    acts on the signals it returns; no new orders while a call    |
//|    fails (fail-safe).                                            |
//| Plain MQL5: no DLLs, no third-party includes. See README.md.     |
//+------------------------------------------------------------------+
#property copyright   "tick-data ML workbench"
#property version     "1.00"
#property description "Tester: replays tick-signals.csv (version line, sha256 trailer)."
#property description "Live: POST /v1/ticks/batch via WebRequest, fail-safe. Demo accounts unless AllowRealAccount."
// Ships the signal file from <data folder>\MQL5\Files to every testing agent (local or remote).
#property tester_file "tick-signals.csv"

#include <Trade\Trade.mqh>

enum ENUM_SIGNAL_MODE
  {
   SIGNAL_MODE_TESTER = 0, // Tester: replay the signal file
   SIGNAL_MODE_LIVE   = 1  // Live: ask the serving endpoint
  };

//--- mode and sources
input ENUM_SIGNAL_MODE Mode               = SIGNAL_MODE_TESTER;                // Mode
input string           SignalFile         = "tick-signals.csv";                // Tester: signal file (sandbox-relative)
input bool             SignalFileInCommon = false;                             // Tester: read from Terminal\Common\Files (local agents only)
input string           SignalSymbol       = "";                                // Symbol the signals are for ("" = chart symbol)
input string           Endpoint           = "http://127.0.0.1:8080/v1/ticks/batch"; // Live: serving host's batch endpoint (allow-list its origin)
input string           ApiKey             = "";                                // Live: sent as X-Api-Key
input int              RequestTimeoutMs   = 2000;                              // Live: WebRequest timeout, ms
input int              PollSeconds        = 1;                                 // Live: seconds between calls
input int              MaxTicksPerCall    = 5000;                              // Live: ticks per request at most (the host's body limit is 1 MiB)
input bool             AllowRealAccount   = false;                             // Live: allow a REAL account (default: demo only)
//--- orders and risk limits
input ulong            Magic              = 20240304;                          // Magic number of this EA's orders
input double           Lots               = 0.10;                              // Volume per entry, lots
input double           MaxLots            = 1.00;                              // Cap on any entry, lots
input int              MaxOpenPositions   = 1;                                 // Cap on open positions with this magic
input double           MaxDailyLoss       = 0.0;                               // No new entries after losing this today (account currency; 0 = off)
input int              MaxSpreadPoints    = 0;                                 // No entries while the spread is wider (points; 0 = off)
input double           MinConfidence      = 0.0;                               // Ignore buy/sell signals below this confidence
input double           MaxAnomalyScore    = 0.0;                               // Ignore buy/sell signals above this anomaly score (0 = off)
input int              DeviationPoints    = 10;                                // Allowed slippage, points

#define EA_VERSION "1.00"
#define EXEC_DONE  0   // acted on (or nothing to do): never again
#define EXEC_SKIP  1   // refused by a rule that will not change for this signal: never again
#define EXEC_RETRY 2   // blocked for now (spread, a failed order): try again on a later tick until expiry

struct SignalRow
  {
   string            id;
   long              time_msc;     // server clock, ms since 1970 (as MqlTick.time_msc)
   long              expiry_msc;   // exclusive
   string            action;       // buy | sell | flat
   double            confidence;
   bool              has_anomaly;
   double            anomaly;
   string            model;
   string            model_version;
  };

CTrade    g_trade;
SignalRow g_signals[];
bool      g_done[];
int       g_next    = 0;     // first signal not yet due
int       g_pending = -1;    // the latest due signal still waiting to run
string    g_symbol  = "";
bool      g_failSafe = true; // live: no new orders until a call succeeds
long      g_sentMsc  = 0;    // live: time_msc of the last tick the host accepted (persisted per magic and symbol)

//+------------------------------------------------------------------+
int OnInit()
  {
   g_symbol = (SignalSymbol == "") ? _Symbol : SignalSymbol;
   bool inTester = (bool)MQLInfoInteger(MQL_TESTER);
   if(Lots <= 0.0 || MaxLots <= 0.0 || MaxOpenPositions < 1 || RequestTimeoutMs < 100 || PollSeconds < 1 || MaxTicksPerCall < 1)
     {
      Log("invalid inputs: Lots and MaxLots must be > 0, MaxOpenPositions >= 1, RequestTimeoutMs >= 100, PollSeconds >= 1, MaxTicksPerCall >= 1");
      return(INIT_PARAMETERS_INCORRECT);
     }
   if(Lots > MaxLots)
      Log(StringFormat("Lots %.2f is above MaxLots %.2f: entries are capped at MaxLots", Lots, MaxLots));

   if(Mode == SIGNAL_MODE_TESTER)
     {
      if(!inTester)
        {
         Log("Tester mode runs only in the Strategy Tester; use Live mode on a chart");
         return(INIT_PARAMETERS_INCORRECT);
        }
      if(!LoadSignalFile())
         return(INIT_FAILED);
     }
   else
     {
      if(inTester)
        {
         Log("Live mode cannot run in the Strategy Tester: WebRequest is not executed there. Use Tester mode with a signal file");
         return(INIT_PARAMETERS_INCORRECT);
        }
      ENUM_ACCOUNT_TRADE_MODE accountMode = (ENUM_ACCOUNT_TRADE_MODE)AccountInfoInteger(ACCOUNT_TRADE_MODE);
      if(accountMode == ACCOUNT_TRADE_MODE_REAL && !AllowRealAccount)
        {
         Log("refusing Live mode on a REAL account: set AllowRealAccount = true to trade real money");
         return(INIT_FAILED);
        }
      if(!TerminalInfoInteger(TERMINAL_TRADE_ALLOWED) || !MQLInfoInteger(MQL_TRADE_ALLOWED))
         Log("algo trading is not allowed in the terminal or for this EA: signals will be fetched but orders will fail");
      if(ApiKey == "")
         Log("ApiKey is empty: the endpoint will probably answer 401 and the EA will stay fail-safe");
      Log(StringFormat("Live mode on a %s account; endpoint %s must be in Tools > Options > Expert Advisors > Allow WebRequest for listed URL",
                       accountMode == ACCOUNT_TRADE_MODE_REAL ? "REAL" : (accountMode == ACCOUNT_TRADE_MODE_CONTEST ? "contest" : "demo"), Endpoint));
      // Resume after the last tick the host accepted before a restart; on a first start, from now (the host's
      // features warm up on the ticks that follow, as after any deployment).
      g_sentMsc = GlobalVariableCheck(SentKey()) ? (long)GlobalVariableGet(SentKey()) : (long)TimeCurrent() * 1000;
      if(!EventSetTimer(PollSeconds))
        {
         Log(StringFormat("EventSetTimer failed, error %d", GetLastError()));
         return(INIT_FAILED);
        }
     }
   g_trade.SetExpertMagicNumber(Magic);
   g_trade.SetDeviationInPoints((ulong)DeviationPoints);
   g_trade.SetTypeFillingBySymbol(_Symbol);
   return(INIT_SUCCEEDED);
  }

//+------------------------------------------------------------------+
void OnDeinit(const int reason)
  {
   EventKillTimer();
  }

//+------------------------------------------------------------------+
void OnTick()
  {
   if(Mode == SIGNAL_MODE_TESTER)
      ReplayDueSignals();
  }

//+------------------------------------------------------------------+
void OnTimer()
  {
   if(Mode == SIGNAL_MODE_LIVE)
      PollEndpoint();
  }

//+------------------------------------------------------------------+
//| Tester: act on the latest signal whose time has come; an older   |
//| due signal that never ran is superseded by a newer one.          |
//+------------------------------------------------------------------+
void ReplayDueSignals()
  {
   MqlTick tick;
   if(!SymbolInfoTick(_Symbol, tick))
      return;
   long now = tick.time_msc;
   int total = ArraySize(g_signals);
   while(g_next < total && g_signals[g_next].time_msc <= now)
     {
      if(g_pending >= 0 && !g_done[g_pending])
        {
         g_done[g_pending] = true;
         Log(StringFormat("signal %s superseded by %s before it could run", g_signals[g_pending].id, g_signals[g_next].id));
        }
      g_pending = g_next;
      g_next++;
     }
   if(g_pending < 0 || g_done[g_pending])
      return;
   int i = g_pending;
   if(now >= g_signals[i].expiry_msc)
     {
      g_done[i] = true;
      Log(StringFormat("signal %s expired before it could run", g_signals[i].id));
      return;
     }
   int result = ExecuteSignal(g_signals[i].id, g_signals[i].action, g_signals[i].confidence,
                              g_signals[i].has_anomaly, g_signals[i].anomaly);
   if(result != EXEC_RETRY)
      g_done[i] = true;
  }

//+------------------------------------------------------------------+
//| Reads and checks the whole signal file: trailer sha256 and row   |
//| count, version line, symbol, header, every row, time order.      |
//+------------------------------------------------------------------+
bool LoadSignalFile()
  {
   int flags = FILE_READ | FILE_BIN | FILE_SHARE_READ;
   if(SignalFileInCommon)
      flags |= FILE_COMMON;
   ResetLastError();
   int handle = FileOpen(SignalFile, flags);
   if(handle == INVALID_HANDLE)
     {
      Log(StringFormat("cannot open %s in the %s folder, error %d (see README: tester_file or Common\\Files)",
                       SignalFile, SignalFileInCommon ? "common" : "MQL5\\Files", GetLastError()));
      return(false);
     }
   int size = (int)FileSize(handle);
   uchar bytes[];
   ArrayResize(bytes, size);
   uint got = 0;
   if(size > 0)
      got = FileReadArray(handle, bytes, 0, size);
   FileClose(handle);
   if(size == 0 || (int)got != size)
     {
      Log(StringFormat("%s: read %d of %d bytes", SignalFile, (int)got, size));
      return(false);
     }
//--- the trailer is the last line; the hash covers every byte before it
   int end = size;
   if(bytes[end - 1] == '\n')
      end--;
   int trailerStart = 0;
   for(int b = end - 1; b >= 0; b--)
      if(bytes[b] == '\n')
        {
         trailerStart = b + 1;
         break;
        }
   string trailer = CharArrayToString(bytes, trailerStart, end - trailerStart, CP_UTF8);
   StringReplace(trailer, "\r", "");
   string t[];
   if(trailerStart == 0 || StringSplit(trailer, ',', t) != 3 || t[0] != "#end"
      || StringSubstr(t[1], 0, 5) != "rows=" || StringSubstr(t[2], 0, 7) != "sha256=")
     {
      Log(StringFormat("%s has no '#end,rows=N,sha256=...' trailer: truncated or still being written", SignalFile));
      return(false);
     }
   uchar body[], key[], hash[];
   ArrayCopy(body, bytes, 0, 0, trailerStart);
   if(CryptEncode(CRYPT_HASH_SHA256, body, key, hash) != 32)
     {
      Log(StringFormat("CryptEncode(SHA256) failed, error %d", GetLastError()));
      return(false);
     }
   string hex = "";
   for(int h = 0; h < 32; h++)
      hex += StringFormat("%02x", hash[h]);
   if(hex != StringSubstr(t[2], 7))
     {
      Log(StringFormat("%s: sha256 of the file is %s but the trailer says %s: truncated or edited, refusing it", SignalFile, hex, StringSubstr(t[2], 7)));
      return(false);
     }
   long rowsExpected = StringToInteger(StringSubstr(t[1], 5));

//--- version line and header
   string text = CharArrayToString(bytes, 0, trailerStart, CP_UTF8);
   StringReplace(text, "\r", "");
   string lines[];
   int count = StringSplit(text, '\n', lines);
   if(count > 0 && lines[count - 1] == "")
      count--; // the text ends with '\n'
   if(count < 2)
     {
      Log(SignalFile + ": no version line and header");
      return(false);
     }
   string v[];
   if(StringSplit(lines[0], ',', v) != 4 || v[0] != "#tick-signals" || v[1] != "version=1"
      || StringSubstr(v[2], 0, 7) != "symbol=" || StringSubstr(v[3], 0, 12) != "server-time=")
     {
      Log(SignalFile + ":1: expected '#tick-signals,version=1,symbol=...,server-time=...', got '" + lines[0] + "'");
      return(false);
     }
   string fileSymbol = StringSubstr(v[2], 7);
   if(fileSymbol != g_symbol)
     {
      Log(StringFormat("%s is for %s but this EA trades signals for %s (set SignalSymbol)", SignalFile, fileSymbol, g_symbol));
      return(false);
     }
   if(lines[1] != "id,time,symbol,action,confidence,anomaly_score,expiry,model_name,model_version,reason")
     {
      Log(SignalFile + ":2: unexpected header '" + lines[1] + "'");
      return(false);
     }

//--- rows
   int rows = count - 2;
   if(rows != rowsExpected)
     {
      Log(StringFormat("%s: %d rows but the trailer says %d", SignalFile, rows, (int)rowsExpected));
      return(false);
     }
   ArrayResize(g_signals, rows);
   ArrayResize(g_done, rows);
   long previous = 0;
   for(int r = 0; r < rows; r++)
     {
      int line = r + 3;
      string f[];
      int fields = StringSplit(lines[r + 2], ',', f);
      if(fields != 10 && fields != 9) // 9: an empty reason, should a trailing empty piece be dropped
         return(RowError(line, "expected 10 comma-separated fields"));
      g_signals[r].id = f[0];
      g_signals[r].time_msc = ParseServerMsc(f[1]);
      g_signals[r].action = f[3];
      g_signals[r].confidence = StringToDouble(f[4]);
      g_signals[r].has_anomaly = (f[5] != "");
      g_signals[r].anomaly = g_signals[r].has_anomaly ? StringToDouble(f[5]) : 0.0;
      g_signals[r].expiry_msc = ParseServerMsc(f[6]);
      g_signals[r].model = f[7];
      g_signals[r].model_version = f[8];
      g_done[r] = false;
      if(StringLen(f[0]) != 16)
         return(RowError(line, "id must be 16 hex digits, got '" + f[0] + "'"));
      if(f[2] != fileSymbol)
         return(RowError(line, "symbol " + f[2] + " is not the file's " + fileSymbol));
      if(f[3] != "buy" && f[3] != "sell" && f[3] != "flat")
         return(RowError(line, "action must be buy, sell or flat, got '" + f[3] + "'"));
      if(g_signals[r].time_msc < 0 || g_signals[r].expiry_msc <= g_signals[r].time_msc)
         return(RowError(line, "time and expiry must be yyyy.MM.dd HH:mm:ss.fff with expiry after time"));
      if(g_signals[r].time_msc < previous)
         return(RowError(line, "signals are out of time order"));
      previous = g_signals[r].time_msc;
     }
   Log(StringFormat("loaded %d signals for %s from %s (server time %s, sha256 %s); make sure the custom symbol's ticks were exported with the same server time",
                    rows, fileSymbol, SignalFile, StringSubstr(v[3], 12), StringSubstr(hex, 0, 12)));
   return(true);
  }

//+------------------------------------------------------------------+
bool RowError(const int line, const string message)
  {
   Log(StringFormat("%s:%d: %s", SignalFile, line, message));
   return(false);
  }

//+------------------------------------------------------------------+
//| "yyyy.MM.dd HH:mm:ss.fff" (server clock) -> ms since 1970, or -1 |
//+------------------------------------------------------------------+
long ParseServerMsc(const string s)
  {
   if(StringLen(s) != 23 || StringSubstr(s, 4, 1) != "." || StringSubstr(s, 10, 1) != " " || StringSubstr(s, 19, 1) != ".")
      return(-1);
   MqlDateTime t;
   t.year = (int)StringToInteger(StringSubstr(s, 0, 4));
   t.mon  = (int)StringToInteger(StringSubstr(s, 5, 2));
   t.day  = (int)StringToInteger(StringSubstr(s, 8, 2));
   t.hour = (int)StringToInteger(StringSubstr(s, 11, 2));
   t.min  = (int)StringToInteger(StringSubstr(s, 14, 2));
   t.sec  = (int)StringToInteger(StringSubstr(s, 17, 2));
   t.day_of_week = 0;
   t.day_of_year = 0;
   return((long)StructToTime(t) * 1000 + StringToInteger(StringSubstr(s, 20, 3)));
  }

//+------------------------------------------------------------------+
//| "yyyy-MM-ddTHH:mm:ss.ffffffZ" (UTC, the JSON form) -> ms, or -1  |
//+------------------------------------------------------------------+
long ParseIsoUtcMsc(const string s)
  {
   if(StringLen(s) < 20 || StringSubstr(s, 10, 1) != "T")
      return(-1);
   MqlDateTime t;
   t.year = (int)StringToInteger(StringSubstr(s, 0, 4));
   t.mon  = (int)StringToInteger(StringSubstr(s, 5, 2));
   t.day  = (int)StringToInteger(StringSubstr(s, 8, 2));
   t.hour = (int)StringToInteger(StringSubstr(s, 11, 2));
   t.min  = (int)StringToInteger(StringSubstr(s, 14, 2));
   t.sec  = (int)StringToInteger(StringSubstr(s, 17, 2));
   t.day_of_week = 0;
   t.day_of_year = 0;
   long ms = (StringSubstr(s, 19, 1) == ".") ? StringToInteger(StringSubstr(s, 20, 3)) : 0;
   return((long)StructToTime(t) * 1000 + ms);
  }

//+------------------------------------------------------------------+
//| Live: one round. Every tick of the chart symbol since the last   |
//| accepted one is posted, in order, to POST /v1/ticks/batch as     |
//| [{"symbol","time" (UTC microseconds),"bid","ask"}...]: the host   |
//| builds bars and features from every tick, as the backtest did.   |
//| The reply is {"model":{...},"signals":[{"id","symbol","time",     |
//| "action","confidence","anomalyScore","reason","modelName",       |
//| "modelVersion","expiry"}...]}; the latest live signal is acted    |
//| on (older ones in the same reply are superseded).                |
//+------------------------------------------------------------------+
void PollEndpoint()
  {
   MqlTick ticks[];
   long nowMsc = (long)TimeCurrent() * 1000 + 999;
   ResetLastError();
   int got = CopyTicksRange(_Symbol, ticks, COPY_TICKS_INFO, (ulong)(g_sentMsc + 1), (ulong)nowMsc);
   if(got < 0)
     {
      EnterFailSafe(StringFormat("CopyTicksRange failed, error %d", GetLastError()));
      return;
     }
   if(got == 0)
      return; // nothing new: the state (and the fail-safe) stays as it is
   int n = MathMin(got, MaxTicksPerCall);
   long offsetMs = ServerUtcOffsetSeconds() * 1000;
   string request = "[";
   for(int i = 0; i < n; i++)
     {
      if(i > 0)
         request += ",";
      long utcMicros = (ticks[i].time_msc - offsetMs) * 1000;
      request += "{\"symbol\":\"" + g_symbol + "\",\"time\":" + IntegerToString(utcMicros)
                 + ",\"bid\":" + DoubleToString(ticks[i].bid, _Digits) + ",\"ask\":" + DoubleToString(ticks[i].ask, _Digits) + "}";
     }
   request += "]";
   char body[], reply[];
   string replyHeaders;
   int bytes = StringToCharArray(request, body, 0, WHOLE_ARRAY, CP_UTF8);
   ArrayResize(body, bytes > 0 ? bytes - 1 : 0); // drop the terminating NUL
   string headers = "Content-Type: application/json\r\nAccept: application/json\r\nX-Api-Key: " + ApiKey + "\r\n";
   ResetLastError();
   int status = WebRequest("POST", Endpoint, headers, RequestTimeoutMs, body, reply, replyHeaders);
   if(status == -1)
     {
      int err = GetLastError();
      EnterFailSafe(StringFormat("WebRequest failed, error %d (4014: not allowed here; otherwise check that %s is in the allow-list and reachable)", err, Endpoint));
      return;
     }
   string json = CharArrayToString(reply, 0, WHOLE_ARRAY, CP_UTF8);
   if(status == 400 && StringFind(json, "\"accepted\"") >= 0)
     {
      // A tick the host already has (it kept a later one, e.g. after this EA's state was lost): skip what was sent.
      AdvanceSent(ticks[n - 1].time_msc);
      EnterFailSafe("the host refused ticks it already had; skipped to the newest: " + StringSubstr(json, 0, 200));
      return;
     }
   if(status != 200)
     {
      EnterFailSafe(StringFormat("HTTP %d from %s: %s", status, Endpoint, StringSubstr(json, 0, 200)));
      return;
     }
   AdvanceSent(ticks[n - 1].time_msc);
   int list = StringFind(json, "\"signals\"");
   if(list < 0)
     {
      EnterFailSafe("the reply has no signals list: " + StringSubstr(json, 0, 200));
      return;
     }
   LeaveFailSafe();
//--- the latest signal for our symbol that is still live
   string best = "";
   int from = StringFind(json, "[", list);
   while(from >= 0)
     {
      int open = StringFind(json, "{", from);
      if(open < 0)
         break;
      int close = StringFind(json, "}", open);
      if(close < 0)
         break;
      string item = StringSubstr(json, open, close - open + 1);
      if(JsonString(item, "symbol") == g_symbol)
         best = item;
      from = close + 1;
     }
   if(best == "")
      return;
   string id = JsonString(best, "id");
   string action = JsonString(best, "action");
   long expiry = ParseIsoUtcMsc(JsonString(best, "expiry"));
   bool hasConfidence = false, hasAnomaly = false;
   double confidence = JsonNumber(best, "confidence", hasConfidence);
   double anomaly = JsonNumber(best, "anomalyScore", hasAnomaly);
   if(id == "" || expiry < 0 || !hasConfidence || (action != "buy" && action != "sell" && action != "flat"))
     {
      EnterFailSafe("a signal in the reply is not well formed: " + StringSubstr(best, 0, 200));
      return;
     }
   if((long)TimeGMT() * 1000 >= expiry)
     {
      Log("signal " + id + " arrived expired (check the clocks, or lower PollSeconds)");
      return;
     }
   string doneKey = DoneKey(id);
   if(GlobalVariableCheck(doneKey))
      return; // already acted on, perhaps before a restart
   int result = ExecuteSignal(id, action, confidence, hasAnomaly, anomaly);
   if(result != EXEC_RETRY)
      GlobalVariableSet(doneKey, (double)TimeCurrent());
  }

//+------------------------------------------------------------------+
//| Server clock minus UTC, in whole seconds rounded to 15 minutes   |
//| (broker clocks are UTC+2/+3 and the like).                       |
//+------------------------------------------------------------------+
long ServerUtcOffsetSeconds()
  {
   long raw = (long)TimeTradeServer() - (long)TimeGMT();
   return((long)MathRound(raw / 900.0) * 900);
  }

//+------------------------------------------------------------------+
void AdvanceSent(const long timeMsc)
  {
   g_sentMsc = timeMsc;
   GlobalVariableSet(SentKey(), (double)timeMsc);
  }

//+------------------------------------------------------------------+
string SentKey()
  {
   return("TSEA." + IntegerToString((long)Magic) + "." + g_symbol + ".sent");
  }

//+------------------------------------------------------------------+
string DoneKey(const string id)
  {
   return("TSEA." + IntegerToString((long)Magic) + "." + id);
  }

//+------------------------------------------------------------------+
void EnterFailSafe(const string why)
  {
   if(!g_failSafe)
      Log("fail-safe ON, no new orders: " + why);
   else
      Log("still fail-safe: " + why);
   g_failSafe = true;
  }

//+------------------------------------------------------------------+
void LeaveFailSafe()
  {
   if(g_failSafe)
      Log("endpoint answered: fail-safe off");
   g_failSafe = false;
  }

//+------------------------------------------------------------------+
//| A flat JSON object's string value, or "" (no nesting, no escapes) |
//+------------------------------------------------------------------+
string JsonString(const string json, const string key)
  {
   int colon = JsonValueStart(json, key);
   if(colon < 0)
      return("");
   int q1 = StringFind(json, "\"", colon);
   int comma = StringFind(json, ",", colon);
   int close = StringFind(json, "}", colon);
   if(q1 < 0 || (comma >= 0 && comma < q1) || (close >= 0 && close < q1))
      return(""); // null or a number
   int q2 = StringFind(json, "\"", q1 + 1);
   return(q2 < 0 ? "" : StringSubstr(json, q1 + 1, q2 - q1 - 1));
  }

//+------------------------------------------------------------------+
//| A flat JSON object's number value; found = false for null/absent |
//+------------------------------------------------------------------+
double JsonNumber(const string json, const string key, bool &found)
  {
   found = false;
   int colon = JsonValueStart(json, key);
   if(colon < 0)
      return(0.0);
   int comma = StringFind(json, ",", colon);
   int close = StringFind(json, "}", colon);
   int stop = (comma >= 0 && (close < 0 || comma < close)) ? comma : close;
   if(stop < 0)
      return(0.0);
   string value = StringSubstr(json, colon, stop - colon);
   StringTrimLeft(value);
   StringTrimRight(value);
   if(value == "" || value == "null" || StringSubstr(value, 0, 1) == "\"")
      return(0.0);
   found = true;
   return(StringToDouble(value));
  }

//+------------------------------------------------------------------+
//| Index just after the ':' of "key":, or -1                        |
//+------------------------------------------------------------------+
int JsonValueStart(const string json, const string key)
  {
   string pattern = "\"" + key + "\"";
   int k = StringFind(json, pattern);
   if(k < 0)
      return(-1);
   int colon = StringFind(json, ":", k + StringLen(pattern));
   return(colon < 0 ? -1 : colon + 1);
  }

//+------------------------------------------------------------------+
//| Turns a signal into the target position: flat closes ours; buy / |
//| sell closes the opposite side, then enters if not already in.    |
//+------------------------------------------------------------------+
int ExecuteSignal(const string id, const string action, const double confidence, const bool hasAnomaly, const double anomaly)
  {
   if(action == "flat")
     {
      ClosePositions(-1);
      Log("signal " + id + ": flat");
      return(EXEC_DONE);
     }
   if(confidence < MinConfidence)
     {
      Log(StringFormat("signal %s: confidence %.3f below MinConfidence %.3f, ignored", id, confidence, MinConfidence));
      return(EXEC_SKIP);
     }
   if(MaxAnomalyScore > 0.0 && hasAnomaly && anomaly > MaxAnomalyScore)
     {
      Log(StringFormat("signal %s: anomaly score %.4f above MaxAnomalyScore %.4f, ignored", id, anomaly, MaxAnomalyScore));
      return(EXEC_SKIP);
     }
   bool buy = (action == "buy");
   ClosePositions(buy ? POSITION_TYPE_SELL : POSITION_TYPE_BUY);
   if(CountPositions(buy ? POSITION_TYPE_BUY : POSITION_TYPE_SELL, true) > 0)
      return(EXEC_DONE); // already in the target position: never add to it
   string why = "";
   int block = NewOrderBlock(why);
   if(block != EXEC_DONE)
     {
      Log("signal " + id + ": no entry, " + why);
      return(block);
     }
   double volume = NormalizeVolume(MathMin(Lots, MaxLots));
   string comment = "TSEA " + id;
   bool sent = buy ? g_trade.Buy(volume, _Symbol, 0.0, 0.0, 0.0, comment)
               : g_trade.Sell(volume, _Symbol, 0.0, 0.0, 0.0, comment);
   uint code = g_trade.ResultRetcode();
   if(!sent || (code != TRADE_RETCODE_DONE && code != TRADE_RETCODE_PLACED))
     {
      Log(StringFormat("signal %s: %s %.2f failed, retcode %u (%s); will retry until expiry", id, action, volume, code, g_trade.ResultRetcodeDescription()));
      return(EXEC_RETRY);
     }
   Log(StringFormat("signal %s: %s %.2f %s at %s", id, action, volume, _Symbol, DoubleToString(g_trade.ResultPrice(), _Digits)));
   return(EXEC_DONE);
  }

//+------------------------------------------------------------------+
//| The risk rules for a NEW entry (closing is always allowed).      |
//+------------------------------------------------------------------+
int NewOrderBlock(string &why)
  {
   if(Mode == SIGNAL_MODE_LIVE && g_failSafe)
     {
      why = "fail-safe (the last endpoint call failed)";
      return(EXEC_SKIP);
     }
   if(MaxSpreadPoints > 0 && SpreadPoints() > MaxSpreadPoints)
     {
      why = StringFormat("spread %d points above MaxSpreadPoints %d", SpreadPoints(), MaxSpreadPoints);
      return(EXEC_RETRY);
     }
   if(CountPositions(-1, false) >= MaxOpenPositions)
     {
      why = StringFormat("MaxOpenPositions %d reached", MaxOpenPositions);
      return(EXEC_SKIP);
     }
   if(MaxDailyLoss > 0.0)
     {
      double pnl = DailyPnl();
      if(pnl <= -MaxDailyLoss)
        {
         why = StringFormat("today's result %.2f reached MaxDailyLoss %.2f", pnl, MaxDailyLoss);
         return(EXEC_SKIP);
        }
     }
   return(EXEC_DONE);
  }

//+------------------------------------------------------------------+
int SpreadPoints()
  {
   MqlTick tick;
   if(!SymbolInfoTick(_Symbol, tick) || _Point <= 0.0)
      return(INT_MAX);
   return((int)MathRound((tick.ask - tick.bid) / _Point));
  }

//+------------------------------------------------------------------+
//| Positions with our magic: of one type (or -1 = both), on this    |
//| symbol only or on every symbol.                                  |
//+------------------------------------------------------------------+
int CountPositions(const int type, const bool thisSymbolOnly)
  {
   int n = 0;
   for(int i = PositionsTotal() - 1; i >= 0; i--)
     {
      ulong ticket = PositionGetTicket(i);
      if(ticket == 0 || (ulong)PositionGetInteger(POSITION_MAGIC) != Magic)
         continue;
      if(thisSymbolOnly && PositionGetString(POSITION_SYMBOL) != _Symbol)
         continue;
      if(type >= 0 && PositionGetInteger(POSITION_TYPE) != type)
         continue;
      n++;
     }
   return(n);
  }

//+------------------------------------------------------------------+
void ClosePositions(const int type)
  {
   for(int i = PositionsTotal() - 1; i >= 0; i--)
     {
      ulong ticket = PositionGetTicket(i);
      if(ticket == 0 || (ulong)PositionGetInteger(POSITION_MAGIC) != Magic || PositionGetString(POSITION_SYMBOL) != _Symbol)
         continue;
      if(type >= 0 && PositionGetInteger(POSITION_TYPE) != type)
         continue;
      if(!g_trade.PositionClose(ticket, (ulong)DeviationPoints))
         Log(StringFormat("closing position %I64u failed, retcode %u", ticket, g_trade.ResultRetcode()));
     }
  }

//+------------------------------------------------------------------+
//| Today's (server day) closed result plus open positions, magic    |
//| only, in account currency.                                       |
//+------------------------------------------------------------------+
double DailyPnl()
  {
   datetime now = TimeCurrent();
   datetime dayStart = (datetime)(((long)now / 86400) * 86400);
   double pnl = 0.0;
   if(HistorySelect(dayStart, now + 60))
     {
      int deals = HistoryDealsTotal();
      for(int i = 0; i < deals; i++)
        {
         ulong ticket = HistoryDealGetTicket(i);
         if(ticket == 0 || (ulong)HistoryDealGetInteger(ticket, DEAL_MAGIC) != Magic)
            continue;
         pnl += HistoryDealGetDouble(ticket, DEAL_PROFIT) + HistoryDealGetDouble(ticket, DEAL_SWAP) + HistoryDealGetDouble(ticket, DEAL_COMMISSION);
        }
     }
   for(int p = PositionsTotal() - 1; p >= 0; p--)
     {
      ulong ticket = PositionGetTicket(p);
      if(ticket == 0 || (ulong)PositionGetInteger(POSITION_MAGIC) != Magic)
         continue;
      pnl += PositionGetDouble(POSITION_PROFIT) + PositionGetDouble(POSITION_SWAP);
     }
   return(pnl);
  }

//+------------------------------------------------------------------+
//| Rounds down to the symbol's volume step, within its min and max. |
//+------------------------------------------------------------------+
double NormalizeVolume(double volume)
  {
   double minVolume = SymbolInfoDouble(_Symbol, SYMBOL_VOLUME_MIN);
   double maxVolume = SymbolInfoDouble(_Symbol, SYMBOL_VOLUME_MAX);
   double step = SymbolInfoDouble(_Symbol, SYMBOL_VOLUME_STEP);
   if(step > 0.0)
      volume = MathFloor(volume / step + 1e-9) * step;
   volume = MathMax(minVolume, MathMin(maxVolume, volume));
   int digits = (step > 0.0) ? (int)MathMax(0.0, MathCeil(-MathLog10(step) - 1e-9)) : 2;
   return(NormalizeDouble(volume, digits));
  }

//+------------------------------------------------------------------+
void Log(const string message)
  {
   Print("TickSignalEA: ", message);
  }
//+------------------------------------------------------------------+
