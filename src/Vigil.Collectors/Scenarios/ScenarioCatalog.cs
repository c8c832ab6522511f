using static Vigil.Collectors.Demo.DemoCatalog;

namespace Vigil.Collectors.Scenarios;

/// <summary>Security and Application events of an ordinary Windows server, and the events of the injected incidents.</summary>
internal static class ScenarioCatalog
{
    private const string Auditing = "Microsoft-Windows-Security-Auditing";

    public static readonly string[] Users = ["alice", "bob", "carol", "dave", "svc_backup", "svc_sql"];

    public static readonly Kind LogonSucceeded = new(Auditing, 4624, 4, "An account was successfully logged on. Account Name: {0} Logon Type: 3", "Security");
    public static readonly Kind Logoff = new(Auditing, 4634, 4, "An account was logged off. Account Name: {0} Logon Type: 3", "Security");
    public static readonly Kind SpecialPrivileges = new(Auditing, 4672, 4, "Special privileges assigned to new logon. Account Name: {0}", "Security");
    public static readonly Kind CredentialsValidated = new(Auditing, 4776, 4, "The computer attempted to validate the credentials for an account. Logon Account: {0} Error Code: 0x0", "Security");
    public static readonly Kind LogonFailed = new(Auditing, 4625, 4, "An account failed to log on. Account Name: {0} Failure Reason: Unknown user name or bad password. Status: 0xC000006D Source Network Address: {1}", "Security");
    public static readonly Kind CredentialsRejected = new(Auditing, 4776, 4, "The computer attempted to validate the credentials for an account. Logon Account: {0} Error Code: 0xC000006A", "Security");
    public static readonly Kind AuditLogCleared = new("Microsoft-Windows-Eventlog", 1102, 4, "The audit log was cleared. Subject: Account Name: {0}", "Security");

    public static readonly Kind LicensingOk = new("Microsoft-Windows-Security-SPP", 16384, 4, "Successfully scheduled Software Protection service for re-start.", "Application");
    public static readonly Kind InstallerDone = new("MsiInstaller", 1033, 4, "Windows Installer installed the product. Product Name: Microsoft Edge Update Helper. Installation success or error status: 0.", "Application");
    public static readonly Kind DatabaseEngine = new("ESENT", 916, 4, "svchost (4312,G,50) The beta feature EseDiskFlushConsistency is enabled in ESENT due to the beta site mode settings.", "Application");
    public static readonly Kind AppCrashed = new("Application Error", 1000, 2, "Faulting application name: {0}, version: 4.2.1.0, faulting module name: ntdll.dll, exception code: 0xc0000374", "Application");
    public static readonly Kind CrashReported = new("Windows Error Reporting", 1001, 4, "Fault bucket 2261845326374919437, type 4 Event Name: APPCRASH Response: Not available P1: {0}", "Application");

    public static readonly string[] CrashingApps = ["OrderService.exe", "w3wp.exe", "ReportWorker.exe"];

    public static readonly Kind ServiceInstalled = new("Service Control Manager", 7045, 4, "A service was installed in the system. Service Name: {0} Service File Name: C:\\ProgramData\\{0}\\{0}.exe Service Type: user mode service Service Start Type: auto start Service Account: LocalSystem");
    public static readonly Kind TimeNotSynced = new("Microsoft-Windows-Time-Service", 36, 3, "The time service has not synchronized the system time for 86400 seconds because none of the time service providers provided a usable time stamp.");
    public static readonly Kind TimeJumped = new("Microsoft-Windows-Time-Service", 50, 3, "The time service detected a time difference of greater than 5000 milliseconds for 900 seconds. The time difference might be caused by synchronization with low-accuracy time sources.");
    public static readonly Kind NtpUnreachable = new("Microsoft-Windows-Time-Service", 129, 3, "NtpClient was unable to set a domain peer to use as a time source because of discovery error. NtpClient will try again in 15 minutes.");
}
