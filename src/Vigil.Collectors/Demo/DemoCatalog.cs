namespace Vigil.Collectors.Demo;

/// <summary>Events a real Windows System log has, with their level and a message template.</summary>
internal static class DemoCatalog
{
    public static readonly string[] Services =
    [
        "Windows Update", "Background Intelligent Transfer Service", "WinHTTP Web Proxy Auto-Discovery Service",
        "Windows Modules Installer", "Device Setup Manager", "Network Setup Service", "Windows Defender Antivirus Service",
        "Print Spooler", "Windows Error Reporting Service", "Software Protection", "Delivery Optimization",
    ];

    public static readonly string[] CrashingServices = ["Print Spooler", "SQL Server (MSSQLSERVER)", "Windows Search"];

    public sealed record Kind(string Provider, long EventId, int Level, string Message, string Channel = "System");

    public static readonly Kind ServiceState = new("Service Control Manager", 7036, 4, "The {0} service entered the {1} state.");
    public static readonly Kind StartTypeChanged = new("Service Control Manager", 7040, 4, "The start type of the {0} service was changed from demand start to auto start.");
    public static readonly Kind ServiceTimeout = new("Service Control Manager", 7009, 2, "A timeout was reached (30000 milliseconds) while waiting for the {0} service to connect.");
    public static readonly Kind TimeSynced = new("Microsoft-Windows-Time-Service", 37, 4, "The time provider NtpClient is currently receiving valid time data from time.windows.com,0x8.");
    public static readonly Kind TimeSourceChanged = new("Microsoft-Windows-Time-Service", 35, 4, "The time service is now synchronizing the system time with the time source time.windows.com,0x8.");
    public static readonly Kind DcomPermission = new("Microsoft-Windows-DistributedCOM", 10016, 3, "The application-specific permission settings do not grant Local Activation permission for the COM Server application with CLSID {{D63B10C5-BB46-4990-A94F-E40B9D520160}} to the user NT AUTHORITY\\SYSTEM.");
    public static readonly Kind DnsTimeout = new("Microsoft-Windows-DNS-Client", 1014, 3, "Name resolution for the name wpad timed out after none of the configured DNS servers responded.");
    public static readonly Kind KernelTime = new("Microsoft-Windows-Kernel-General", 16, 4, "The access history in hive \\??\\C:\\Users\\svc_backup\\ntuser.dat was cleared updating 12 keys and creating 2 modified pages.");
    public static readonly Kind UpdateInstalled = new("Microsoft-Windows-WindowsUpdateClient", 19, 4, "Installation Successful: Windows successfully installed the following update: Security Intelligence Update for Microsoft Defender Antivirus - KB2267602.");
    public static readonly Kind UpdateStarted = new("Microsoft-Windows-WindowsUpdateClient", 43, 4, "Installation Started: Windows has started installing the following update: Security Intelligence Update for Microsoft Defender Antivirus - KB2267602.");
    public static readonly Kind Uptime = new("EventLog", 6013, 4, "The system uptime is 604800 seconds.");
    public static readonly Kind NetlogonNoDc = new("NETLOGON", 5719, 2, "This computer was not able to set up a secure session with a domain controller in domain CORP due to the following: There are currently no logon servers available to service the logon request.");
    public static readonly Kind EventLogStopped = new("EventLog", 6006, 4, "The Event log service was stopped.");
    public static readonly Kind EventLogStarted = new("EventLog", 6005, 4, "The Event log service was started.");
    public static readonly Kind OsShutdown = new("Microsoft-Windows-Kernel-General", 13, 4, "The operating system is shutting down at system time 2026-02-15T03:00:04.500000000Z.");
    public static readonly Kind OsStarted = new("Microsoft-Windows-Kernel-General", 12, 4, "The operating system started at system time 2026-02-15T03:02:11.500000000Z.");
    public static readonly Kind ServiceCrashed = new("Service Control Manager", 7034, 2, "The {0} service terminated unexpectedly.  It has done this {1} time(s).");
    public static readonly Kind ServiceRestarting = new("Service Control Manager", 7031, 2, "The {0} service terminated unexpectedly.  It has done this {1} time(s).  The following corrective action will be taken in 60000 milliseconds: Restart the service.");
    public static readonly Kind BadBlock = new("disk", 7, 2, "The device, \\Device\\Harddisk1\\DR1, has a bad block.");
    public static readonly Kind NtfsCorrupt = new("Ntfs", 55, 2, "A corruption was discovered in the file system structure on volume D:.");
    public static readonly Kind IoRetried = new("disk", 153, 3, "The IO operation at logical block address 0x3c8f21 for Disk 1 (PDO name: \\Device\\00000034) was retried.");
}
