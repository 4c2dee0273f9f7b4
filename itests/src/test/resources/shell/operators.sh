# ; && || and exit statuses
echo one; echo two ; echo three
true && echo and-yes
false && echo and-no
false || echo or-yes
true || echo or-no
false || false || echo third
true && false || echo recovered
true && true && echo chained
false; echo $?
true; echo $?
nosuch 2> /dev/null; echo $?
sh -c 'exit 5'; echo $?
sh -c 'exit 300'; echo $?
/system/bin/false.peb || echo "false says $?"
test 1 -eq 1 && echo "test ok $?"
echo end;
