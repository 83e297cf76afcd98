@echo off
rem `modelwright`, the command line of the installed Modelwright app (Windows). It runs the app
rem with --cli: the packaged app cannot run as plain Node (its run-as-Node fuse is off), so its main
rem entry runs the command line itself, without a window. This file is resources\bin\modelwright.cmd;
rem add that folder to PATH to type "modelwright" anywhere.
"%~dp0..\..\Modelwright.exe" --cli %*
exit /b %ERRORLEVEL%
