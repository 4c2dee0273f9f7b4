# env as GNU env: -i, -, -u, -C, -0, its statuses (125: env failed, 127: no command)
env -i FOO=1 sh -c 'echo "[$FOO]"'
env -i
echo "st $?"
env -i A=1 B=2
env - C=3
X1=5; export X1
env -u X1 sh -c 'echo "[${X1-unset}]"'
env --unset=X1 sh -c 'echo "[${X1-unset}]"'
env -i PATH=/system/bin:/bin Q=1 env | grep -c Q=1
env -x 2>&1; echo "st $?"
env --bogus 2>&1; echo "st $?"
env nosuchcmd 2>/dev/null; echo "st $?"
env -i nosuchcmd 2>/dev/null; echo "st $?"
env -C / 2>&1; echo "st $?"
env -i -C /tmp sh -c pwd
env -C /nonexistent pwd 2>&1; echo "st $?"
env -0 -i A=1 B=2 | od -c | head -2
env FOO=bar sh -c 'echo $FOO'
env -- FOO=1 sh -c 'echo $FOO'
