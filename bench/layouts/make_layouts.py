"""Writes 2,000-line logs in layouts documented by their products (log4j/Hadoop, Spark, ZooKeeper, Android logcat,
HealthApp, Proxifier, OpenStack, Thunderbird/BGL-style, Windows CBS, macOS syslog, HPC, nginx, PostgreSQL) with
messages of our own and their ground truth: NAME/NAME_2k.log, NAME/NAME_2k.log_structured.csv (LineId, Time as UTC
ISO, Content, EventId). Directory names follow drain_ref.py's dataset names so its per-dataset masks apply.
Usage: make_layouts.py OUTDIR [SEED]"""
import csv, os, random, sys, uuid
from datetime import datetime, timedelta, timezone

out = sys.argv[1]; rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
MON = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()

def ip(): return f"10.{rng.randint(0,255)}.{rng.randint(0,255)}.{rng.randint(1,254)}"
def hexs(n): return "".join(rng.choice("0123456789abcdef") for _ in range(n))
def word(): return rng.choice(["alpha", "bravo", "delta", "echo", "kilo", "oscar", "tango", "zulu"])
def user(): return rng.choice(["root", "admin", "deploy", "alice", "bob", "www-data"]) + str(rng.randint(0, 99))
def path(): return "/" + "/".join(rng.choice(["var", "lib", "data", "opt", "srv", "tmp"]) for _ in range(rng.randint(2, 4))) + f"/f{rng.randint(0,999)}.dat"
def host(): return rng.choice(["api", "db", "cache", "auth"]) + f"-{rng.randint(1,40)}.example.net:{rng.randint(1000,65000)}"
V = {"n": lambda: str(rng.randint(0, 99999)), "ip": ip, "hex": lambda: "0x" + hexs(8), "id": lambda: hexs(32),
     "uuid": lambda: str(uuid.UUID(int=rng.getrandbits(128))), "path": path, "host": host, "user": user,
     "dur": lambda: f"{rng.randint(0,59):02d}:{rng.randint(0,59):02d}", "f": lambda: f"{rng.random()*100:.2f}", "w": word}

# Message templates: fixed words and typed variables ({n} number, {ip}, {hex}, {id}, {uuid}, {path}, {host}, {user}, {dur}, {f}, {w}).
POOL = [
 "Received block blk_{n} of size {n} from /{ip}", "PacketResponder {n} for block blk_{n} terminating",
 "Verification succeeded for blk_{n}", "Deleting block blk_{n} file {path}",
 "Connection closed by {ip} port {n} [preauth]", "Accepted password for {user} from {ip} port {n} ssh2",
 "session opened for user {user} by (uid={n})", "Failed to fetch key {id}: timeout after {n} ms",
 "worker {n} finished task {n} in {f} s", "cache hit ratio {f}% for region {w}", "starting job {uuid} with {n} executors",
 "checkpoint {n} written to {path}", "{host} open through proxy {host} HTTPS", "{host} close, {n} bytes sent, {n} bytes received, lifetime {dur}",
 "{host} error : Could not connect to proxy {host} - connection attempt failed with error {n}",
 "Instance {uuid} spawned successfully in {f} seconds", "Terminating instance {uuid}", "VM Started (Lifecycle Event) {uuid}",
 "GET /v2/{id}/servers/detail HTTP/1.1 status: {n} len: {n} time: {f}", "POST /v2/{id}/os-server-external-events HTTP/1.1 status: {n} len: {n} time: {f}",
 "onStandStepChanged {n}", "onExtend:{n} {n} {n} {n}", "getTodayTotalDetailSteps = {n}##{n}##{n}##{n}##{n}##{n}",
 "REPORT : {n} {n} {n} {n}", "flush sensor data", "Loaded Servicing Stack v{f}.{n} with Core: {path}",
 "Session: {n}_{n} initialized by client WindowsUpdateAgent.", "Warning: Unrecognized packageExtended attribute.",
 "Read out cached package applicability for package: Package_for_KB{n}~{id}~amd64~~{f}.{n}, ApplicableState: {n}, CurrentState:{n}",
 "ANR in com.example.{w} (com.example.{w}/.MainActivity)", "Start proc {n}:com.example.{w}/u0a{n} for activity",
 "acquire lock={n}, flags={hex}, tag=\"{w}\", name=com.example.{w}, ws=null, uid={n}, pid={n}",
 "Notification time out: {n}", "Received connection request /{ip}:{n}", "Expiring session {hex}, timeout of {n}ms exceeded",
 "Established session {hex} with negotiated timeout {n} for client /{ip}:{n}",
 "Registering block manager {host} with {f} MB RAM, BlockManagerId({n}, {ip}, {n})", "Finished task {f} in stage {f} (TID {n}). {n} bytes result sent to driver",
 "Running task {f} in stage {f} (TID {n})", "Found block rdd_{n}_{n} locally",
 "Component State Change: Component \"SCSI-WWID:{id}\" is in the unavailable state (HWID={n})", "PSU status ( on off )", "Link error on broadcast tree Interconnect-{n}:{n}",
 "node {w}-{n} detected a failed network connection on network {n}.{n}.{n}.{n} via interface alt0",
 "ciod: failed to read message prefix on control stream (CioStream socket to {ip}:{n}", "instruction cache parity error corrected",
 "generating core.{n}", "data TLB error interrupt", "{n} double-hummer alignment exceptions",
 "wake reason: {w} rtc alarm", "Thermal pressure state: {n} Memory pressure state: {n}", "ARPT: {f}: wl0: setup_keepalive: Remote IP: {ip}",
 "upstream timed out (110: Connection timed out) while reading response header from upstream, client: {ip}, server: {w}, request: \"GET {path} HTTP/1.1\"",
 "open() \"{path}\" failed (2: No such file or directory), client: {ip}, server: {w}", "duration: {f} ms  statement: SELECT * FROM t{n} WHERE id = {n}",
 "could not receive data from client: Connection reset by peer", "checkpoint complete: wrote {n} buffers ({f}%); {n} WAL file(s) added",
]

def fill(t): return "".join(V[p[:p.index("}")]]() + p[p.index("}")+1:] if "}" in p else p for p in t.split("{"))

def lv(i): return rng.choice(["INFO"] * 6 + ["WARN", "ERROR", "DEBUG"])
L = {  # name: (header(t, i) -> str ending with the content, fraction?)
 "Hadoop": lambda t, c: f"{t:%Y-%m-%d %H:%M:%S},{t.microsecond//1000:03d} {lv(0)} [{rng.choice(['main', 'IPC Server handler 3 on 8020', 'RMCommunicator Allocator'])}] org.apache.hadoop.mapreduce.v2.app.{rng.choice(['MRAppMaster', 'rm.RMContainerAllocator', 'TaskAttemptListenerImpl'])}: {c}",
 "Spark": lambda t, c: f"{t:%y/%m/%d %H:%M:%S} {lv(0)} {rng.choice(['executor.Executor', 'storage.BlockManager', 'spark.SecurityManager'])}: {c}",
 "Zookeeper": lambda t, c: f"{t:%Y-%m-%d %H:%M:%S},{t.microsecond//1000:03d} - {lv(0):<5} [{rng.choice(['QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181', 'NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181', 'SessionTracker'])}:{rng.choice(['Leader', 'NIOServerCnxn', 'ZooKeeperServer'])}@{rng.randint(100,999)}] - {c}",
 "Android": lambda t, c: f"{t:%m-%d %H:%M:%S}.{t.microsecond//1000:03d} {rng.randint(100,9999):>5} {rng.randint(100,9999):>5} {rng.choice('VDIIIWE')} {rng.choice(['ActivityManager', 'PowerManagerService', 'WindowManager', 'PhoneStatusBar', 'System.err', 'Bluetooth Manager'])}: {c}",
 "HealthApp": lambda t, c: f"{t:%Y%m%d-%H:%M:%S}:{t.microsecond//1000:03d}|{rng.choice(['Step_LSC', 'Step_SPUtils', 'HiH_HiHealthDataInsertStore', 'Step_StandReportReceiver'])}|{rng.randint(30000000,30009999)}|{c}",
 "Proxifier": lambda t, c: f"[{t:%m.%d %H:%M:%S}] {rng.choice(['chrome.exe', 'chrome.exe *64', 'Dropbox.exe', 'svchost.exe', 'WeChat.exe'])} - {c}",
 "OpenStack": lambda t, c: f"nova-{rng.choice(['api', 'compute'])}.log.1.2017-05-16_13:53:08 {t:%Y-%m-%d %H:%M:%S}.{t.microsecond//1000:03d} {rng.randint(2000,30000)} {lv(0)} nova.{rng.choice(['osapi_compute.wsgi.server', 'compute.manager', 'virt.libvirt.imagecache'])} [req-{uuid.UUID(int=rng.getrandbits(128))} {hexs(32)} {hexs(32)} - - -] {c}",
 "Thunderbird": lambda t, c: (lambda n: f"- {int(t.timestamp())} {t:%Y.%m.%d} {n} {MON[t.month-1]} {t.day} {t:%H:%M:%S} {n}/{n} {rng.choice(['crond(pam_unix)', 'sshd', 'kernel', 'ntpd'])}[{rng.randint(100,30000)}]: {c}")(f"dn{rng.randint(1,999)}"),
 "BGL": lambda t, c: (lambda n: f"- {int(t.timestamp())} {t:%Y.%m.%d} {n} {t:%Y-%m-%d-%H.%M.%S.%f} {n} RAS {rng.choice(['KERNEL', 'APP', 'MMCS'])} {rng.choice(['INFO', 'INFO', 'FATAL', 'ERROR'])} {c}")(f"R{rng.randint(0,77):02d}-M{rng.randint(0,1)}-N{rng.randint(0,15)}-C:J{rng.randint(2,17):02d}-U{rng.randint(1,11):02d}"),
 "HPC": lambda t, c: f"{rng.randint(100000,999999)} node-{rng.randint(1,300)} {rng.choice(['unix.hw', 'action', 'boot_cmd'])} {rng.choice(['state_change.unavailable', 'start', 'new'])} {int(t.timestamp())} 1 {c}",
 "Windows": lambda t, c: f"{t:%Y-%m-%d %H:%M:%S}, {rng.choice(['Info'] * 5 + ['Warning', 'Error']):<22}{rng.choice(['CBS', 'CSI']):<7}{c}",
 "Mac": lambda t, c: f"{MON[t.month-1]} {t.day:>2} {t:%H:%M:%S} {rng.choice(['calvisitor-10-105-160-95', 'authorMacBook-Pro'])} {rng.choice(['kernel[0]', 'com.apple.CDScheduler[43]', 'QQ[10018]', 'Safari[9852]'])}: {c}",
 "nginx": lambda t, c: f"{t:%Y/%m/%d %H:%M:%S} [{rng.choice(['error', 'warn', 'crit'])}] {rng.randint(100,9999)}#{rng.randint(0,3)}: *{rng.randint(1,99999)} {c}",
 "Postgres": lambda t, c: f"{t:%Y-%m-%d %H:%M:%S}.{t.microsecond//1000:03d} UTC [{rng.randint(100,9999)}] {rng.choice(['LOG', 'LOG', 'ERROR', 'WARNING'])}:  {c}",
}
NO_YEAR = {"Android", "Proxifier", "Mac"}
LOCAL = {"Thunderbird", "BGL"}  # epoch first: the true time is the epoch (UTC)

for name, header in L.items():
    templates = rng.sample(POOL, 12)
    weights = [rng.random() ** 2 + 0.02 for _ in templates]
    start = datetime(2026, rng.randint(1, 10), rng.randint(1, 28), rng.randint(0, 23), tzinfo=timezone.utc)
    t = start
    os.makedirs(f"{out}/{name}", exist_ok=True)
    with open(f"{out}/{name}/{name}_2k.log", "w") as log, open(f"{out}/{name}/{name}_2k.log_structured.csv", "w", newline="") as st:
        w = csv.writer(st); w.writerow(["LineId", "Time", "Content", "EventId"])
        for i in range(2000):
            t += timedelta(milliseconds=rng.randint(0, 90000))
            k = rng.choices(range(len(templates)), weights)[0]
            content = fill(templates[k])
            if name in NO_YEAR or name not in ("Hadoop", "Zookeeper", "Android", "HealthApp", "OpenStack", "BGL", "Postgres"):
                t = t.replace(microsecond=(t.microsecond // 1000000))
            log.write(header(t, content) + "\n")
            w.writerow([i + 1, t.strftime("%Y-%m-%dT%H:%M:%S.%f"), content, f"E{k + 1}"])
