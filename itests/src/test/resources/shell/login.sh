# the first boot of a disk: /etc, a home directory, the profile
ls /etc
cat /etc/profile
cat /etc/passwd | grep -c pebble
echo $HOME $USER $SHELL
echo $PATH
ls -a /home
pwd
cd; pwd
ls /
echo 'export FROM_LOCAL=yes' > /etc/profile.local
echo pebble | sudo -S sh -c 'echo export FROM_LOCAL=yes > /etc/profile.local' 2>/dev/null
sh -c 'echo child shell does not read the profile: [$FROM_LOCAL]'
echo 'export FROM_HOME=yes' > ~/.profile
sh -l -c 'echo a login shell reads both: [$FROM_LOCAL] [$FROM_HOME]'
