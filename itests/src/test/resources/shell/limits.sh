# ulimit: limits of the shell, inherited by what it starts; a limit reached is an error in that process only
ulimit -n
ulimit -u
ulimit -t
ulimit -v 65536
ulimit -a
run grow.peb
exec grow.peb
grow.peb
ulimit -v unlimited
ulimit -v
ulimit -n 8
files.peb
ulimit -n 1024
sh -c 'ulimit -u 12; spawn.peb'
ulimit -u
sh -c 'ulimit -t 1; spin.peb'
echo "status $?"
sh -c 'ulimit -St 50; ulimit -Ht 40; echo "status $?"; ulimit -t; ulimit -Ht'
ulimit -t abc
echo "status $?"
ulimit -q
echo "status $?"
