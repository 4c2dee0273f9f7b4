# the launcher's lookup order: builtins, PATH, /bin/X, NAME.peb in the cwd
prog a "b c"
prog.peb x
./prog.peb y
/prog.peb z
/prog
sub/deep.peb 1 2
cd sub; deep; ./deep.peb; cd ..
ls | grep -c ls.peb
/bin/echo via /bin
/bin/sh -c 'echo via /bin/sh'
/system/bin/echo.peb absolute
tool; echo "status $?"
PATH=/bin2:$PATH tool
PATH=/bin2 tool
PATH=/bin2 echo still found via /bin
which ls echo cd
type prog tool
./script.sh one two; echo "script status $?"
sh script.sh three; echo "sh status $?"
sh ./script.sh; echo "sh status $?"
/bin/sh script.sh four; echo "/bin/sh status $?"
nosuch; echo "status $?"
./nosuch.peb; echo "status $?"
broken; echo "status $?"
syntax; echo "status $?"
run prog.peb r1
run prog; echo "run status $?"
runbg prog.peb bg1
wait
exec; echo "exec status $?"
execbg; echo "execbg status $?"
run nosuch.peb; echo "run status $?"
wait
source script.sh five
echo "not reached: the sourced exit leaves the shell"
