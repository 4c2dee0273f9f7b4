# edit: a line editor ending input at a single '.'
edit notes.txt < input.txt
cat notes.txt
edit -a notes.txt < more.txt
cat notes.txt
edit fresh.txt < more.txt
cat fresh.txt
edit; echo "status $?"
edit /etc < more.txt; echo "status $?"
