# Attacks as user pebble, in every storage mode (PermissionsIT): each must be
# refused, say why, and leave its target as it was. Read from standard input,
# so that it runs on a disk that starts empty (mfs) too.
echo "== who"
id
echo pebble | sudo -S useradd alice 2>/dev/null; echo "useradd alice $?"
echo pebble | sudo -S sh -c 'echo hers > /tmp/alice.txt; echo private > /tmp/private.txt; chown alice /tmp/alice.txt /tmp/private.txt; chmod 600 /tmp/private.txt' 2>/dev/null
mkdir /tmp/locked; echo mine > /tmp/locked/f; chmod 555 /tmp/locked
cd /home/pebble
echo 'import modes' > perms.peb
echo 'import users' >> perms.peb
echo 'import system.kernel.fs as fs' >> perms.peb
echo 'for path in ARGV:' >> perms.peb
echo '    st = fs.stat(path)' >> perms.peb
echo '    print modes.string(st["kind"], st["mode"]) + " " + users.user_name(st["uid"]) + " " + users.group_name(st["gid"]) + " " + path' >> perms.peb
PERMS="/ /etc /etc/passwd /etc/group /etc/shadow /home /home/pebble /home/alice /root /tmp /tmp/alice.txt /tmp/private.txt /tmp/locked /tmp/locked/f /system /system/bin/su.peb /system/bin/ls.peb /dev/null"
run perms.peb $PERMS
cd /
echo "== commands"
cp /tmp/locked/f /etc/passwd; echo "cp over passwd $?"
tee -a /etc/shadow < /tmp/locked/f; echo "tee shadow $?"
cat /etc/shadow; echo "cat shadow $?"
head -1 /etc/shadow; echo "head shadow $?"
rm /tmp/alice.txt; echo "rm alice's $?"
rm -f /tmp/alice.txt; echo "rm -f alice's $?"
mv /tmp/alice.txt /tmp/mine.txt; echo "mv alice's $?"
chmod 666 /tmp/alice.txt; echo "chmod alice's $?"
chown pebble /tmp/alice.txt; echo "chown alice's $?"
chown pebble /tmp/locked/f; echo "chown own file $?"
chgrp wheel /tmp/locked/f; echo "chgrp own file $?"
cat /tmp/private.txt; echo "cat private $?"
mv /tmp/locked/f /tmp/f; echo "mv out of locked $?"
rm /tmp/locked/f; echo "rm in locked $?"
mv /etc/passwd /tmp/passwd; echo "mv passwd $?"
mv /etc /tmp/etc; echo "mv /etc $?"
rmdir /root; echo "rmdir /root $?"
ls /root; echo "ls /root $?"
touch /etc/hostname; echo "touch in /etc $?"
mkdir /etc/x; echo "mkdir in /etc $?"
kill 1; echo "kill 1 $?"
/system/bin/kill.peb -9 1; echo "kill.peb 1 $?"
echo wrong | su -c id; echo "su root $?"
echo wrong | su alice -c id; echo "su alice $?"
echo wrong | su nosuchuser -c id; echo "su nosuchuser $?"
echo wrong | sudo -S id; echo "sudo $?"
echo "== redirections"
echo x > /etc/passwd; echo "> passwd $?"
echo x >> /etc/shadow; echo ">> shadow $?"
cat < /etc/shadow; echo "< shadow $?"
echo x > /tmp/alice.txt; echo "> alice's $?"
echo x >> /tmp/alice.txt; echo ">> alice's $?"
cat < /tmp/private.txt; echo "< private $?"
echo x > /tmp/locked/new; echo "> new in locked $?"
echo x > /system/bin/ls.peb; echo "> /system $?"
echo "== programs"
cd /home/pebble
echo 'import system.kernel.fs as fs' > attack.peb
echo 'import system.kernel.proc as proc' >> attack.peb
echo 'def attempt(what, action):' >> attack.peb
echo '    try:' >> attack.peb
echo '        action()' >> attack.peb
echo '        print what + ": DONE"' >> attack.peb
echo '    except e:' >> attack.peb
echo '        print what + ": " + e[e.find(": ") + 2:]' >> attack.peb
echo 'attempt("write passwd", lambda: fs.write("/etc/passwd", "x"))' >> attack.peb
echo 'attempt("append shadow", lambda: fs.append("/etc/shadow", "x"))' >> attack.peb
echo 'attempt("read shadow", lambda: fs.read("/etc/shadow"))' >> attack.peb
echo 'attempt("open shadow", lambda: fs.open("/etc/shadow", "r"))' >> attack.peb
echo 'attempt("open passwd w", lambda: fs.open("/etc/passwd", "a"))' >> attack.peb
echo 'attempt("raw read shadow", lambda: syscall("fs_read", "/etc/shadow"))' >> attack.peb
echo 'attempt("delete alice", lambda: fs.unlink("/tmp/alice.txt"))' >> attack.peb
echo 'attempt("rename alice", lambda: fs.rename("/tmp/alice.txt", "/tmp/x"))' >> attack.peb
echo 'attempt("chmod alice", lambda: fs.chmod("/tmp/alice.txt", 0o666))' >> attack.peb
echo 'attempt("chown alice", lambda: fs.chown("/tmp/alice.txt", 1000, 1000))' >> attack.peb
echo 'attempt("read private", lambda: fs.read("/tmp/private.txt"))' >> attack.peb
echo 'attempt("rename out of locked", lambda: fs.rename("/tmp/locked/f", "/tmp/f"))' >> attack.peb
echo 'attempt("kill 1", lambda: proc.kill(1, 9))' >> attack.peb
echo 'attempt("setuid 0", lambda: proc.setuid(0))' >> attack.peb
echo 'attempt("setgroups", lambda: proc.setgroups([0]))' >> attack.peb
echo 'attempt("spawn as root", lambda: proc.spawn("/system/bin/true.peb", ["true"], {"uid": 0}))' >> attack.peb
echo 'attempt("chmod /", lambda: fs.chmod("/", 0o777))' >> attack.peb
echo 'attempt("write /system", lambda: fs.write("/system/bin/su.peb", "x"))' >> attack.peb
echo 'print "still " + str(proc.geteuid())' >> attack.peb
echo "-- run (interpreter)"
run attack.peb
echo "-- exec (bytecode VM)"
exec attack.peb
echo "== afterwards"
run perms.peb $PERMS
cat /tmp/alice.txt /etc/passwd
echo pebble | sudo -S cat /tmp/private.txt 2>/dev/null
echo pebble | sudo -S wc -l /etc/shadow 2>/dev/null
ps | grep -c '^ *1 *0 *1 root'
