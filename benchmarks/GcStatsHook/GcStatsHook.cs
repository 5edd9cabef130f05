using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;

/// <summary>
/// The start-up hook (DOTNET_STARTUP_HOOKS runs <see cref="Initialize"/> before the program's Main): at process exit it
/// writes one line to standard error, <c>GCSTATS alloc_bytes=… gen0=… gen1=… gen2=… pause_ms=… wall_ms=… jit_ms=…
/// jit_methods=…</c> (collection counts as <see cref="GC.CollectionCount(int)"/> gives them: a gen1 collection also counts in
/// gen0). With GCSTATS_TYPES=1 it first writes the 25 types with the most sampled allocation and every collection's start.
/// </summary>
internal static class StartupHook
{
    private static AllocationListener? s_listener;

    /// <summary>Called by the runtime before Main.</summary>
    public static void Initialize()
    {
        var clock = Stopwatch.StartNew();
        if (Environment.GetEnvironmentVariable("GCSTATS_TYPES") == "1")
        {
            s_listener = new AllocationListener();
        }

        // GCSTATS_POLL=1: every 20 ms, the largest committed GC memory, GC heap and working set seen, written at exit.
        long maxCommitted = 0, maxHeap = 0, maxWorkingSet = 0;
        Timer? poll = null;
        if (Environment.GetEnvironmentVariable("GCSTATS_POLL") == "1")
        {
            poll = new Timer(_ =>
            {
                GCMemoryInfo info = GC.GetGCMemoryInfo();
                maxCommitted = Math.Max(maxCommitted, info.TotalCommittedBytes);
                maxHeap = Math.Max(maxHeap, info.HeapSizeBytes);
                maxWorkingSet = Math.Max(maxWorkingSet, Environment.WorkingSet);
            }, null, 0, 20);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            poll?.Dispose();
            if (poll is not null)
            {
                GCMemoryInfo info = GC.GetGCMemoryInfo();
                string generations = string.Join(" ", Enumerable.Range(0, info.GenerationInfo.Length).Select(g =>
                    string.Create(CultureInfo.InvariantCulture, $"gen{g}:{info.GenerationInfo[g].SizeAfterBytes / 1e6:F1}MB")));
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"GCPOLL	max_committed_mb={maxCommitted / 1e6:F1}	max_heap_mb={maxHeap / 1e6:F1}	max_working_set_mb={maxWorkingSet / 1e6:F1}	last_gc_after: {generations}"));
            }

            s_listener?.Write(Console.Error);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"GCSTATS\talloc_bytes={GC.GetTotalAllocatedBytes(precise: true)}\tgen0={GC.CollectionCount(0)}\tgen1={GC.CollectionCount(1)}\tgen2={GC.CollectionCount(2)}\tpause_ms={GC.GetTotalPauseDuration().TotalMilliseconds:F0}\twall_ms={clock.ElapsedMilliseconds}\tjit_ms={System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0}\tjit_methods={System.Runtime.JitInfo.GetCompiledMethodCount()}"));
        };
    }

    /// <summary>The runtime's GC events in process: allocation ticks summed by type, and collection starts.</summary>
    private sealed class AllocationListener : EventListener
    {
        private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> _collections = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword; verbose for allocation ticks
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is not { } name || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
            {
                return;
            }

            if (name.StartsWith("GCAllocationTick", StringComparison.Ordinal))
            {
                int type = names.IndexOf("TypeName"), amount = names.IndexOf("AllocationAmount64");
                string key = type >= 0 ? payload[type]?.ToString() ?? "?" : "?";
                long bytes = amount >= 0 ? Convert.ToInt64(payload[amount], CultureInfo.InvariantCulture) : 100_000;
                _bytes.AddOrUpdate(key, bytes, (_, sum) => sum + bytes);
            }
            else if (name.StartsWith("GCStart", StringComparison.Ordinal))
            {
                // Reason: 0 small allocation, 1 induced, 4 large-object allocation (the runtime's GCReason numbering).
                _collections.Enqueue(string.Create(CultureInfo.InvariantCulture,
                    $"{eventData.TimeStamp:HH:mm:ss.fff}\tgeneration={payload[names.IndexOf("Depth")]}\treason={payload[names.IndexOf("Reason")]}"));
            }
        }

        public void Write(TextWriter writer)
        {
            foreach (var (type, bytes) in _bytes.OrderByDescending(pair => pair.Value).Take(25))
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ALLOC\t{bytes / 1e6:F1} MB\t{type}"));
            }

            foreach (string collection in _collections)
            {
                writer.WriteLine("GC\t" + collection);
            }
        }
    }
}
