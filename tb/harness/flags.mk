# Read together with a Verilated model's makefile: prints how Verilator's own makefile would compile and
# link it (src/cosim/verilator-runtime.ts compiles the harness itself, with these flags).
bitforge-flags:
	@echo "$(CXX)"
	@echo "$(CXXFLAGS) $(CPPFLAGS)"
	@echo "$(OPT_GLOBAL)"
	@echo "$(LINK)"
	@echo "$(LDFLAGS)"
	@echo "$(LDLIBS) $(LIBS)"
