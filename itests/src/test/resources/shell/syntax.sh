# syntax errors name the column; a script or -c line ends at one (status 2),
# after what came before it ran
sh -c 'echo "unterminated'
echo "status $?"
sh -c "echo 'unterminated"
sh -c 'echo a | | b'
echo "status $?"
sh -c '| echo x'
sh -c 'echo a &&'
sh -c 'echo a ;; echo b'
sh -c 'echo > '
sh -c 'echo ok 2>'
sh -c 'echo before; if true; then echo never; fi fi; echo after'
echo "status $?"
printf 'echo one\nfor x in 1 2\necho two\n' > bad.sh
sh bad.sh; echo "script status $?"
printf 'echo three\nif true; then\n  echo "four\n' > open.sh
sh open.sh; echo "script status $?"
echo a\
b
echo multi "line
quote"
echo "status $?"
echo last "open
quote
