using System.Runtime.InteropServices;

namespace LstmGen.Demo.Cli;

/// <summary>
/// Turns the signals that ask a process to stop into a graceful stop of training: SIGINT (Ctrl+C), SIGTERM (what
/// <c>docker stop</c>, systemd and <c>timeout</c> send) and SIGHUP (the terminal closed). The first one cancels
/// <see cref="Stop"/>, so training ends after the current step and the checkpoint is still written; a second one
/// is left to its default action and ends the process at once. Disposing removes the handlers.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private static readonly PosixSignal[] Handled = [PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP];

    private readonly CancellationTokenSource _stop = new();
    private readonly List<PosixSignalRegistration> _registrations = [];

    /// <summary>Registers the handlers.</summary>
    public StopSignals()
    {
        foreach (PosixSignal signal in Handled)
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // Not every signal exists on every platform (Windows maps SIGINT, SIGTERM and SIGHUP to console events).
            }
        }
    }

    /// <summary>Cancelled by the first stop signal.</summary>
    public CancellationToken Stop => _stop.Token;

    /// <summary>Whether a stop signal arrived.</summary>
    public bool Requested => _stop.IsCancellationRequested;

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_stop.IsCancellationRequested)
        {
            return;   // the second signal: its default action ends the process
        }

        context.Cancel = true;
        _stop.Cancel();
    }
}
