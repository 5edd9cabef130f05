using System.Runtime.InteropServices;

namespace TextAugment.Cli;

/// <summary>
/// While the progress bar hides the terminal's cursor: on SIGINT or SIGTERM, shows the cursor again before the process ends,
/// and shows it when disposed, so that Ctrl-C leaves the terminal as it was.
/// </summary>
internal sealed class CursorGuard : IDisposable
{
    private const string ShowCursor = "\u001b[?25h";
    private readonly List<PosixSignalRegistration> _registrations = [];

    private CursorGuard()
    {
        foreach (PosixSignal signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, _ => Show()));
            }
            catch (PlatformNotSupportedException)
            {
                // No signals on this platform: nothing to restore.
            }
        }
    }

    /// <summary>Starts guarding the cursor on standard error.</summary>
    public static CursorGuard Install() => new();

    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }

        Show();
    }

    private static void Show()
    {
        try
        {
            Console.Error.Write(ShowCursor);
            Console.Error.Flush();
        }
        catch (IOException)
        {
            // The terminal is gone: nothing to restore.
        }
    }
}
