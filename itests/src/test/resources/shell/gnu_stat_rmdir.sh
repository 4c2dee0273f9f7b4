# stat -c and --printf, rmdir -p, -v and --ignore-fail-on-non-empty, as GNU
mkdir -p st; cd st; printf hi > sf2.txt; : > e0; chmod 640 sf2.txt
stat -c '%n|%s|%F|%a|%A|%h|%%|%N' sf2.txt e0; stat --printf '%s\n%n\t' sf2.txt; echo; stat -c %F e0; stat -c '%s %n' e0 sf2.txt
stat -c '%F %a' . | cut -d' ' -f1
stat -c 2>/dev/null; echo "st $?"; stat nonexist 2>/dev/null; echo "st $?"
mkdir -p p/q/r; rmdir -p p/q/r; ls p 2>/dev/null; echo "p $?"; mkdir -p m/n; touch m/f; rmdir -p m/n 2>/dev/null; echo "rp $?"; ls m; rm -r m
mkdir -p k/l; touch k/x; rmdir --ignore-fail-on-non-empty -p k/l; echo "ig $?"; ls k; rm -r k
mkdir v; rmdir -v v
