# syntax errors name the column; the shell carries on with the next line
sh -c 'echo "unterminated'
echo "status $?"
sh -c "echo 'unterminated"
echo a | | b
echo "status $?"
| echo x
echo a &&
echo a ;; echo b
echo > 
echo ok 2>
echo a\
b
echo multi "line
quote"
echo "status $?"
echo last "open
quote
