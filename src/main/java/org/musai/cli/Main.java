package org.musai.cli;
public class Main { public static void main(String[] a) { } }
