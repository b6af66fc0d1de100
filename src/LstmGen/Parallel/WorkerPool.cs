using System.Runtime.ExceptionServices;

namespace LstmGen.Parallel;

/// <summary>Work split into shards: <see cref="WorkerPool.Run"/> calls <see cref="RunShard"/> once per shard, each on its own thread.</summary>
internal interface IShardWork
{
    /// <summary>Runs shard <paramref name="shard"/>; shards touch disjoint memory.</summary>
    void RunShard(int shard);
}

/// <summary>
/// Persistent worker threads, created once and parked on a monitor between calls: <see cref="Run"/> wakes them, runs
/// shard 0 on the calling thread and shard j on worker j, and returns when every shard has finished. A call allocates
/// nothing (no tasks, delegates or closures per call). An exception thrown by any shard is rethrown on the calling
/// thread, the lowest shard's first, after all shards have stopped.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    // A worker's stack: as large as a main thread's on Linux, for the kernels' stack scratch (up to a few hundred KB).
    private const int WorkerStackBytes = 8 * 1024 * 1024;

    private readonly Thread[] _workers;
    private readonly Exception?[] _errors;
    private readonly object _gate = new();
    private IShardWork? _work;
    private int _shards, _running;
    private long _generation;
    private bool _disposed;

    /// <summary>Starts <paramref name="threadCount"/> − 1 background workers (the calling thread is the first thread).</summary>
    public WorkerPool(int threadCount, string name)
    {
        ThreadCount = threadCount;
        _errors = new Exception?[threadCount];
        _workers = new Thread[threadCount - 1];
        for (int j = 0; j < _workers.Length; j++)
        {
            int shard = j + 1;
            _workers[j] = new Thread(() => Work(shard), WorkerStackBytes) { IsBackground = true, Name = $"{name} worker {shard}" };
            _workers[j].Start();
        }
    }

    /// <summary>The threads a call can use, the calling thread included.</summary>
    public int ThreadCount { get; }

    /// <summary>Whether <see cref="Dispose"/> has run.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed);

    /// <summary>Runs shards 0 … <paramref name="shards"/> − 1 of <paramref name="work"/> in parallel; one shard runs inline.</summary>
    public void Run(IShardWork work, int shards)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (shards == 1)
        {
            work.RunShard(0);
            return;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);           // checked under the lock: Dispose cannot slip in between
            (_work, _shards, _running) = (work, shards, shards - 1);
            _generation++;
            Monitor.PulseAll(_gate);
        }

        RunCaught(work, 0);
        lock (_gate)
        {
            while (_running > 0)
            {
                Monitor.Wait(_gate);
            }

            _work = null;
        }

        ThrowFirstError(shards);
    }

    /// <summary>Stops the workers and waits for them to end.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Monitor.PulseAll(_gate);
        }

        foreach (Thread worker in _workers)
        {
            worker.Join();
        }
    }

    // A worker's life: wait for a new call, run its shard if the call has one, report, wait again.
    private void Work(int shard)
    {
        long seen = 0;
        while (true)
        {
            IShardWork? work;
            lock (_gate)
            {
                while (_generation == seen && !_disposed)
                {
                    Monitor.Wait(_gate);
                }

                if (_generation == seen)
                {
                    return;                                                 // disposed, and no call pending: a started call always finishes
                }

                seen = _generation;
                work = shard < _shards ? _work : null;
            }

            if (work is null)
            {
                continue;
            }

            RunCaught(work, shard);
            lock (_gate)
            {
                if (--_running == 0)
                {
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }

    private void RunCaught(IShardWork work, int shard)
    {
        try
        {
            work.RunShard(shard);
        }
        catch (Exception error)
        {
            _errors[shard] = error;
        }
    }

    private void ThrowFirstError(int shards)
    {
        for (int k = 0; k < shards; k++)
        {
            if (_errors[k] is Exception error)
            {
                Array.Clear(_errors);
                ExceptionDispatchInfo.Throw(error);
            }
        }
    }
}
